#!/usr/bin/env bash
# Writes RUN_DIR/index.html, one page over a local run: the load report (summary and its chart),
# the slowest requests with their Zipkin traces and trace flame graphs, the newest flame graph of
# each service, Zipkin and Prometheus, and the commands to go deeper. It only reads files and
# draws nothing: links to local files are relative to the page, the others are the http links
# given. run-local.sh calls it after drawing the flame graphs; prints the page's path.
#
# Usage: scripts/overview.sh RUN_DIR [--load FILE.json] [--load-html FILE.html] [--profiles DIR]
#                            [--zipkin URL] [--prometheus URL]
#   --load        the load generator's --out report (default RUN_DIR/load-report.json)
#   --load-html   its --html report (default RUN_DIR/load-report.html), shown when it exists
#   --profiles    the services' profiles directory (default RUN_DIR/../profiles): flame graphs are
#                 <service>/*.html and traces/<trace id>-<type>.html, as the profiles command writes
#   --zipkin      Zipkin's UI (default http://127.0.0.1:9411/zipkin/)
#   --prometheus  Prometheus (default: none running, the page says how to add it)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=scripts/lib.sh
source "$root/scripts/lib.sh"

usage() { header_usage; }

run_dir=""
load=""
load_html=""
profiles=""
zipkin=http://127.0.0.1:9411/zipkin/
prometheus=""
while [[ $# -gt 0 ]]; do
	case "$1" in
		--load) load="$2"; shift 2 ;;
		--load-html) load_html="$2"; shift 2 ;;
		--profiles) profiles="$2"; shift 2 ;;
		--zipkin) zipkin="$2"; shift 2 ;;
		--prometheus) prometheus="$2"; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		-*) unknown_option "$1" ;;
		*) [[ -z "$run_dir" ]] || unknown_option "$1"; run_dir="$1"; shift ;;
	esac
done
[[ -n "$run_dir" ]] || { usage >&2; exit 2; }
[[ -d "$run_dir" ]] || die "no such run directory: $run_dir"
run_dir="$(cd "$run_dir" && pwd)"
load="${load:-$run_dir/load-report.json}"
load_html="${load_html:-$run_dir/load-report.html}"
profiles="${profiles:-$run_dir/../profiles}"
[[ -f "$load" ]] || die "no load report: $load"
page="$run_dir/index.html"

escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' <<<"$1"; }

# href FILE: FILE's address relative to the page, escaped.
href() { escape "$(realpath -m --relative-to="$run_dir" "$1")"; }

# link URL_OR_FILE TEXT
link() {
	local target
	if [[ "$1" == http://* || "$1" == https://* ]]; then target="$(escape "$1")"; else target="$(href "$1")"; fi
	printf '<a href="%s">%s</a>' "$target" "$(escape "$2")"
}

declare -A report=()
while IFS=$'\t' read -r path value; do
	report[$path]="$value"
done < <(json_flat "$load")
field() { printf '%s' "${report[$1]:-}"; }

# newest FILE...: the most recently modified of the existing FILEs.
newest() {
	local file best=""
	for file in "$@"; do
		if [[ -f "$file" && ( -z "$best" || "$file" -nt "$best" ) ]]; then best="$file"; fi
	done
	printf '%s' "$best"
}

section_load() {
	echo "<h2>Load</h2>"
	printf '<p>%s %s requests to <code>%s</code>: %s failed, %s req/s achieved; latency ms p50 %s, p99 %s, max %s.</p>\n' \
		"$(escape "$(field settings.mode)")" "$(field requests.sent)" "$(escape "$(field settings.url)")" \
		"$(field requests.failed)" "$(field rate.achieved)" "$(field latency_ms.p50)" "$(field latency_ms.p99)" \
		"$(field latency_ms.max)"
	printf '<p>The whole report: %s' "$(link "$load" "$(basename "$load")")"
	if [[ -f "$load_html" ]]; then printf ', %s (its chart is at the end of this page)' "$(link "$load_html" "$(basename "$load_html")")"; fi
	echo "</p>"
}

section_chart() {
	if [[ -f "$load_html" ]]; then
		echo "<h2>Latency chart</h2>"
		printf '<iframe class="report" src="%s" title="load report"></iframe>\n' "$(href "$load_html")"
	fi
}

section_slowest() {
	local i id graph graphs command reason type
	echo "<h2>Slowest requests</h2>"
	echo '<table id="slowest"><tr><th>latency ms</th><th>status</th><th>trace</th><th>flame graph across the services</th></tr>'
	for ((i = 0; ; i++)); do
		id="$(field "slowest.$i.trace_id")"
		[[ -n "$id" ]] || break
		graphs=""
		for graph in "$profiles/traces/$id"-*.html; do
			[[ -f "$graph" ]] || continue
			type="$(basename "$graph" .html)"
			graphs+="$(link "$graph" "${type#"$id"-}") "
		done
		if [[ -z "$graphs" ]]; then
			command="$(field "slowest.$i.profile.command")"
			reason="$(field "slowest.$i.profile.reason")"
			if [[ -n "$command" ]]; then
				graphs="not drawn yet: <code>$(escape "$command --type wall")</code>"
			else
				graphs="not profiled${reason:+ ($(escape "$reason"))}"
			fi
		fi
		printf '<tr><td>%s</td><td>%s</td><td class="trace">%s</td><td>%s</td></tr>\n' "$(field "slowest.$i.latency_ms")" \
			"$(field "slowest.$i.status")" "$(link "$(field "slowest.$i.trace_url")" "$id")" "$graphs"
	done
	echo "</table>"
}

section_services() {
	local dir name graph
	echo "<h2>Newest flame graph per service</h2>"
	echo '<ul id="services">'
	for dir in "$profiles"/*/; do
		name="$(basename "$dir")"
		[[ "$name" != traces && "$name" != diffs ]] || continue
		graph="$(newest "$dir"*.html)"
		if [[ -n "$graph" ]]; then
			printf '<li>%s: %s, %s</li>\n' "$(escape "$name")" "$(link "$graph" "$(basename "$graph")")" \
				"$(date -u -r "$graph" '+%Y-%m-%d %H:%M:%S UTC')"
		else
			printf '<li>%s: none yet</li>\n' "$(escape "$name")"
		fi
	done
	echo "</ul>"
}

section_links() {
	echo "<h2>Traces and alerts</h2><ul>"
	printf '<li>All traces: %s</li>\n' "$(link "$zipkin" "$zipkin")"
	if [[ -n "$prometheus" ]]; then
		printf '<li>Prometheus alerts and SLO burn rates: %s</li>\n' "$(link "${prometheus%/}/alerts" "${prometheus%/}/alerts")"
	else
		echo "<li>Prometheus: not running; <code>sudo apt-get install prometheus</code> adds local alerts and SLOs</li>"
	fi
	echo "</ul>"
}

section_commands() {
	local dir
	dir="$(realpath -m --relative-to="$root" "$profiles")"
	[[ "$dir" != ../* ]] || dir="$(realpath -m "$profiles")"
	echo "<h2>Going deeper</h2>"
	echo "<p>From the repository root (<a href=\"$(href "$root/docs/profiling.md")\">docs/profiling.md</a> explains them):</p>"
	echo "<pre>"
	escape "java -jar profiles-cli/target/profiles.jar --dir $dir --trace <trace id> [--type cpu|wall|alloc]   # one request, all services
java -jar profiles-cli/target/profiles.jar --dir $dir --service frontend-service                      # top frames, merged flame graph
java -jar profiles-cli/target/profiles.jar --dir $dir --diff --slowest 10                             # slow vs typical requests"
	echo "</pre>"
}

{
	cat <<EOF
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>perfwatch local run</title>
<style>
body { font-family: sans-serif; margin: 1.5em auto; max-width: 72em; padding: 0 1em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; } th, td { text-align: left; padding: 0.2em 0.8em 0.2em 0; }
td.trace { font-family: monospace; } pre, code { background: #f4f4f4; }
pre { padding: 0.6em; overflow-x: auto; }
iframe.report { width: 100%; height: 42em; border: 1px solid #ddd; }
</style>
</head>
<body>
<h1>perfwatch local run</h1>
<p>Written $(date -u '+%Y-%m-%d %H:%M:%S UTC') from <code>$(escape "$(basename "$load")")</code>.</p>
EOF
	section_load
	section_slowest
	section_services
	section_links
	section_commands
	section_chart
	echo "</body>"
	echo "</html>"
} >"$page"
echo "$page"
