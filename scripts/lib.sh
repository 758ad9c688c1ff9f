# shellcheck shell=bash
# The helpers the local scripts share (run-local.sh, bench/*.sh, monitoring/leak-demo.sh):
# flags, processes started in the background and stopped at exit, waiting until a URL answers,
# free ports, building jars, and the suite itself (Zipkin at the root pom's version, the one place
# it is written, and the four services). Sourced, never run. deploy/lib.sh is the Cloud Run
# scripts' own (gcloud); bench/lib.sh adds what only the benchmarks use.
#
# Source it with `root` set to the repository:
#   root="$(cd "$(dirname "$0")/.." && pwd)"
#   # shellcheck source=scripts/lib.sh
#   source "$root/scripts/lib.sh"
# and call stop_on_exit. A script with a scratch directory keeps it in `work`: cleanup removes it.

java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# java_version_line: the first line of `java -version` of that JVM, for the reports' headers.
java_version_line() { "$java_bin" -version 2>&1 | head -1; }
# The services in start order (callees first) and their offsets from a port base.
suite_services=(data-service auth-service api-gateway-service frontend-service)
declare -A suite_port_offset=([frontend-service]=0 [api-gateway-service]=1 [auth-service]=2 [data-service]=3)
started_pids=()
started_logs=()

log() { printf '==> %s\n' "$*"; }

die() {
	printf '%s: %s\n' "${0##*/}" "$*" >&2
	exit 1
}

# unknown_option OPTION: says so with the script's usage (its own usage function) on stderr; exits 2.
unknown_option() {
	printf '%s: unknown option: %s\n' "${0##*/}" "$1" >&2
	usage >&2
	exit 2
}

# header_usage: the script's first comment block (after the #! line), for scripts whose --help it is.
header_usage() { awk 'NR > 1 { if (!/^#/) exit; sub(/^# ?/, ""); print }' "$0"; }

# require_command NAME [HOW]: fails unless NAME is on the PATH; HOW says how to get it.
require_command() {
	command -v "$1" >/dev/null || die "$1 is required${2:+: $2}"
}

# start_logged LOG COMMAND...: COMMAND in the background, its output in LOG; cleanup stops it.
# Variables set before the call (NAME=value start_logged ...) reach COMMAND.
start_logged() {
	local log_file="$1"
	shift
	"$@" >"$log_file" 2>&1 &
	started_pids+=("$!")
	started_logs+=("$log_file")
}

# stop_started: stops what start_logged started, TERM first (after CONT, for one stopped with
# SIGSTOP); whatever still runs 15 s later is killed, so the script always ends.
stop_started() {
	local pid deadline=$((SECONDS + 15))
	for pid in "${started_pids[@]}"; do
		kill -CONT "$pid" 2>/dev/null || true
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${started_pids[@]}"; do
		while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
		kill -KILL "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	started_pids=()
	started_logs=()
}

cleanup() {
	stop_started
	if [[ -n "${work:-}" ]]; then rm -rf -- "$work"; fi
}

# stop_on_exit: cleanup when the script ends, also by Ctrl-C or TERM.
stop_on_exit() {
	trap cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

# wait_url URL [SECONDS] [POLL]: until URL answers 2xx, polling every POLL seconds (0.5). Fails
# after SECONDS (120), or at once, with the end of its log, when a process started here has exited.
wait_url() {
	local url="$1" timeout="${2:-120}" poll="${3:-0.5}" deadline i
	deadline=$((SECONDS + timeout))
	until curl -fs -o /dev/null --max-time 2 "$url"; do
		for i in "${!started_pids[@]}"; do
			if ! kill -0 "${started_pids[$i]}" 2>/dev/null; then
				tail -n 20 "${started_logs[$i]}" >&2 || true
				die "waiting for $url: a process it started has exited; its log: ${started_logs[$i]}"
			fi
		done
		((SECONDS <= deadline)) || die "not ready within $timeout s: $url${started_logs[0]:+ (logs: $(dirname "${started_logs[0]}"))}"
		sleep "$poll"
	done
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# require_free_port PORT WHAT: fails when something listens on 127.0.0.1:PORT.
require_free_port() {
	if port_in_use "$1"; then
		die "port $1 ($2) is already in use on 127.0.0.1; stop whatever listens there (e.g. 'ss -ltnp | grep :$1') and retry"
	fi
}

# build_jars [MODULE...]: ./mvnw package without tests, of the modules and what they need, or of all.
build_jars() {
	local modules=()
	if (($# > 0)); then modules=(-pl "$(IFS=,; echo "$*")" -am); fi
	(cd "${root:?}" && ./mvnw -q -B -DskipTests "${modules[@]}" package)
}

zipkin_version() {
	sed -n 's:.*<zipkin-server.version>\(.*\)</zipkin-server.version>.*:\1:p' "${root:?}/pom.xml"
}

# zipkin_jar DIR: the path of the Zipkin server jar in DIR, fetched there with Maven the first time.
zipkin_jar() {
	local version jar
	version="$(zipkin_version)"
	jar="$1/zipkin-server-$version-exec.jar"
	if [[ ! -f "$jar" ]]; then
		(cd "${root:?}" && ./mvnw -q -B -N dependency:copy "-Dartifact=io.zipkin:zipkin-server:$version:jar:exec" \
			"-DoutputDirectory=$1") >&2
	fi
	printf '%s\n' "$jar"
}

# start_zipkin PORT JAR_DIR LOG [JAVA_OPTION...]: an in-memory Zipkin on 127.0.0.1:PORT, not waited for
# (its health: http://127.0.0.1:PORT/health).
start_zipkin() {
	local port="$1" jar_dir="$2" log_file="$3" jar
	shift 3
	jar="$(zipkin_jar "$jar_dir")"
	STORAGE_TYPE=mem start_logged "$log_file" "$java_bin" "$@" -jar "$jar" \
		'--armeria.ports[0].ip=127.0.0.1' "--armeria.ports[0].port=$port" '--armeria.ports[0].protocols[0]=http'
}

# start_services PORT_BASE ZIPKIN_PORT LOG_DIR [JAVA_OPTION...]: the four services from their jars,
# not waited for (wait_services): the frontend on PORT_BASE, the gateway, auth and data on the next
# three ports, calling each other there, logs in LOG_DIR/<service>.log. They collect garbage with the
# Serial collector unless the options choose one: the JVM picks G1 on this 2-core machine, which cost
# 13 % more CPU per request here (bench/results/plumbing-cuts.txt), and Serial is what the image runs.
start_services() {
	local port_base="$1" zipkin_port="$2" log_dir="$3" name option collector=(-XX:+UseSerialGC)
	shift 3
	for option in "$@"; do
		[[ "$option" == -XX:+Use*GC ]] && collector=()
	done
	for name in "${suite_services[@]}"; do
		PORT=$((port_base + suite_port_offset[$name])) \
			API_SERVICE_URL="http://127.0.0.1:$((port_base + 1))" \
			AUTH_SERVICE_URL="http://127.0.0.1:$((port_base + 2))" \
			DATA_SERVICE_URL="http://127.0.0.1:$((port_base + 3))" \
			start_logged "$log_dir/$name.log" "$java_bin" "${collector[@]}" "$@" \
			"-Dmanagement.zipkin.tracing.endpoint=http://127.0.0.1:$zipkin_port/api/v2/spans" \
			-jar "${root:?}/$name/target/$name.jar"
	done
}

# wait_services PORT_BASE: until the four services started by start_services are ready.
wait_services() {
	local name
	for name in "${suite_services[@]}"; do
		wait_url "http://127.0.0.1:$(($1 + suite_port_offset[$name]))/actuator/health/readiness"
	done
}

# json_flat FILE: every scalar of a JSON document, one "path<TAB>value" line each, in document order:
# paths join keys and array indexes with dots (slowest.0.trace_id); strings are unescaped (a line
# break becomes a space), null is empty. Enough for the load generator's reports, without jq.
json_flat() {
	awk '
		{ text = text $0 "\n" }
		function path(   p) {
			if (depth == 0) return ""
			p = (kind[depth] == "o") ? key[depth] : index_at[depth]
			return (prefix[depth] == "") ? p : prefix[depth] "." p
		}
		function value(v) { print path() "\t" v }
		END {
			n = length(text); depth = 0
			for (i = 1; i <= n; ) {
				c = substr(text, i, 1)
				if (c == "{" || c == "[") {
					p = path(); depth++; prefix[depth] = p
					kind[depth] = (c == "{") ? "o" : "a"; index_at[depth] = 0; i++
				} else if (c == "}" || c == "]") {
					depth--; i++
				} else if (c == ",") {
					if (kind[depth] == "a") index_at[depth]++
					i++
				} else if (c == "\"") {
					s = ""
					for (i++; i <= n && (c = substr(text, i, 1)) != "\""; i++) {
						if (c == "\\") {
							c = substr(text, ++i, 1)
							if (c == "n" || c == "r" || c == "t") c = " "
							else if (c == "u") { c = "\\u" substr(text, i + 1, 4); i += 4 }
						}
						s = s c
					}
					for (i++; substr(text, i, 1) ~ /[ \t\r\n]/; i++) { }
					if (kind[depth] == "o" && substr(text, i, 1) == ":") { key[depth] = s; i++ }
					else value(s)
				} else if (c ~ /[ \t\r\n:]/) {
					i++
				} else {
					for (s = ""; i <= n && (c = substr(text, i, 1)) !~ /[,}\] \t\r\n]/; i++) s = s c
					value(s == "null" ? "" : s)
				}
			}
		}' "$1"
}
