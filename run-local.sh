#!/usr/bin/env bash
# Runs the whole perfwatch suite on this machine: Zipkin, the four services (profiling in trace
# mode), Prometheus when installed; sends a short load through the frontend; prints where to look,
# the slowest request's trace flame graph among it, and writes it all on one page, .run/index.html;
# then keeps everything up until Ctrl-C (or, with --stop, stops it at once).
set -euo pipefail

usage() {
	cat <<'EOF'
Usage: ./run-local.sh [--stop] [--no-build] [--duration D] [--concurrency C]

  --stop           stop everything once the summary is printed (for scripts); by default it all
                   keeps running until Ctrl-C, which stops it cleanly
  --keep-running   the default, kept for scripts that ask for it
  --no-build       use the jars already in */target instead of running ./mvnw package
  --duration D     how long the short load lasts after a 5 s warmup (default 30s)
  --concurrency C  parallel clients in the short load (default 8)

The services profile themselves in trace mode (PERFWATCH_PROFILING_MODE=trace: 10 s windows every
11 s, dense sampling), so nearly every request of the load can be drawn as its own flame graph.
Set PERFWATCH_PROFILING_MODE=continuous for Cloud Profiler's pace instead.

Ports used on 127.0.0.1: 8080-8083 (services), 9411 (Zipkin), 9090 (Prometheus).
Logs: .run/logs/   Profiles: profiles/<service>/   Load report: .run/load-report.json
Overview page: .run/index.html (scripts/overview.sh), linking the load report, the slowest requests'
traces and flame graphs, each service's newest flame graph and Prometheus's alerts
EOF
}

root="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/lib.sh
source "$root/scripts/lib.sh"

keep_running=true
build=true
duration=30s
concurrency=8
while [[ $# -gt 0 ]]; do
	case "$1" in
		--keep-running) keep_running=true ;;
		--stop) keep_running=false ;;
		--no-build) build=false ;;
		--duration) duration="$2"; shift ;;
		--concurrency) concurrency="$2"; shift ;;
		-h|--help) usage; exit 0 ;;
		*) unknown_option "$1" ;;
	esac
	shift
done

cd "$root"
run_dir="$root/.run"
logs="$run_dir/logs"
profiles="$root/profiles"
services=("${suite_services[@]}")
port_base=8080
stop_on_exit

require_command curl
require_command "$java_bin" "Java 17 or newer (set JAVA_HOME or put java on PATH)"

for name in "${services[@]}"; do
	require_free_port $((port_base + suite_port_offset[$name])) "$name"
done
require_free_port 9411 "Zipkin"
prometheus_bin="$(command -v prometheus || true)"
if [[ -n "$prometheus_bin" ]]; then
	require_free_port 9090 "Prometheus"
fi

if $build; then
	log "Building the services and the load generator (./mvnw package, tests skipped)"
	# shellcheck disable=SC2119  # no module named: all of them
	build_jars
fi
mkdir -p "$logs" "$profiles"
if [[ ! -f "$run_dir/zipkin-server-$(zipkin_version)-exec.jar" ]]; then
	log "Fetching the Zipkin server $(zipkin_version) with Maven"
fi

log "Starting Zipkin and the four services on 127.0.0.1"
start_zipkin 9411 "$run_dir" "$logs/zipkin.log"
PERFWATCH_PROFILING=on PERFWATCH_PROFILES_DIR="$profiles" \
	PERFWATCH_PROFILING_MODE="${PERFWATCH_PROFILING_MODE:-trace}" \
	start_services "$port_base" 9411 "$logs"
if [[ -n "$prometheus_bin" ]]; then
	start_logged "$logs/prometheus.log" "$prometheus_bin" --config.file=monitoring/prometheus/prometheus.yml \
		--storage.tsdb.path="$run_dir/prometheus" --web.listen-address=127.0.0.1:9090
fi

wait_url http://127.0.0.1:9411/health
wait_services "$port_base"
log "All services are ready"

# One traced request to show in the summary. A cold suite on a busy machine can miss the gateway's
# 1 s deadline for auth on its first calls (a 502): each try warms it up, so try a few times.
for attempt in 1 2 3 4 5; do
	trace_id="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
	status="$(curl -sS -o /dev/null -w '%{http_code}' \
		-H "traceparent: 00-$trace_id-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')-01" http://127.0.0.1:8080/ || true)"
	[[ "$status" == 200 ]] && break
	log "The first request answered ${status:-nothing} (try $attempt of 5: the services are still cold)"
done

log "Sending a short load for $duration, $concurrency at a time, through the frontend"
PERFWATCH_PROFILES_DIR="$profiles" "$java_bin" -jar load-generator/target/load-generator.jar \
	--duration "$duration" --concurrency "$concurrency" --warmup 5s --out "$run_dir/load-report.json" \
	--html "$run_dir/load-report.html" http://127.0.0.1:8080/
load_end="$run_dir/load-ended"
touch "$load_end"

# A window is renamed into place when it ends: one newer than the load's end saw all of it.
window_after_load() {
	[[ -n "$(find "$profiles/$1" -maxdepth 1 -name '*.jfr' -newer "$load_end" -print -quit 2>/dev/null)" ]]
}

log "Waiting for each service's profiling window that saw the end of the load"
deadline=$((SECONDS + 40))
for name in "${services[@]}"; do
	until window_after_load "$name"; do
		if (( SECONDS > deadline )); then
			printf 'No profiling window after the load yet for %s (see %s)\n' "$name" "$logs/$name.log"
			break
		fi
		sleep 1
	done
done

profiles_cli=("$java_bin" -jar profiles-cli/target/profiles.jar --dir "$profiles")
mapfile -t slowest_ids < <(json_flat "$run_dir/load-report.json" | awk -F '\t' '$1 ~ /^slowest\.[0-9]+\.trace_id$/ { print $2 }')
slowest="${slowest_ids[0]:-}"
slowest_graph="(no slowest request in the load report)"
if [[ -n "$slowest" ]]; then
	log "The slowest request's trace, across the four services"
	if "${profiles_cli[@]}" --trace "$slowest" --type wall; then
		slowest_graph="$profiles/traces/$slowest-wall.html"
	else
		slowest_graph="(not profiled: it fell between two windows)"
	fi
fi
# The next slowest for the overview page, quietly.
for id in "${slowest_ids[@]:1:4}"; do
	"${profiles_cli[@]}" --trace "$id" --type wall >/dev/null 2>&1 || true
done
for name in "${services[@]}"; do
	"${profiles_cli[@]}" --service "$name" --since 2m --html "$profiles/$name/merged-cpu.html" >/dev/null 2>&1 || true
done
overview="$(scripts/overview.sh "$run_dir" --profiles "$profiles" ${prometheus_bin:+--prometheus http://127.0.0.1:9090})"

echo
echo "Where to look"
echo "  Overview page:    $overview   (all of the below on one page)"
echo "  One full trace:   http://127.0.0.1:9411/zipkin/traces/$trace_id"
echo "  All traces:       http://127.0.0.1:9411/zipkin/"
if [[ -n "$slowest" ]]; then
	echo "  Slowest request:  http://127.0.0.1:9411/zipkin/traces/$slowest"
	echo "    its flame graph $slowest_graph"
fi
for name in "${services[@]}"; do
	merged="$profiles/$name/merged-cpu.html"
	printf '  %-20s metrics http://127.0.0.1:%s/actuator/prometheus\n' "$name" $((port_base + suite_port_offset[$name]))
	printf '  %-20s flame graph %s\n' "" "$([[ -f "$merged" ]] && echo "$merged" || echo "(none yet)")"
done
if [[ -n "$prometheus_bin" ]]; then
	echo "  Prometheus:       http://127.0.0.1:9090/alerts"
else
	echo "  Prometheus:       not installed; 'sudo apt-get install prometheus' adds local alerts and SLOs"
fi
echo "  Any trace:        java -jar profiles-cli/target/profiles.jar --dir profiles --trace <trace id> [--type cpu|wall|alloc]"
echo "  Top frames:       java -jar profiles-cli/target/profiles.jar --dir profiles --service frontend-service"
echo "  Slow vs typical:  java -jar profiles-cli/target/profiles.jar --dir profiles --diff --slowest 10"
echo "  Load report:      $run_dir/load-report.json, $run_dir/load-report.html"

if $keep_running; then
	echo
	log "Everything keeps running; press Ctrl-C to stop it (./run-local.sh --stop stops at once instead)"
	# A background sleep and wait: bash runs the traps at once when a signal interrupts wait.
	start_logged /dev/null sleep infinity
	wait "${started_pids[-1]}" || true
fi
if ! $keep_running; then
	log "Stopping everything it started (--stop)"
fi
