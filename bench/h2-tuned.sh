#!/usr/bin/env bash
# The data service's query with data.query=recipe and data.query=tuned, side by side in one run:
#   1. CPU ms per query of each, alone (QueryVariantsCpu in the data service's test sources: the
#      service's own table and query classes, one thread, the controller's thresholds, rounds in
#      alternating order), and their ratio;
#   2. unless --no-load: CPU ms per request of two data services, one per setting, each loaded in
#      turn with the same closed-model load on GET /data/fetch, in A B B A order; CPU from
#      /proc/<pid>/stat, requests from the load generator's report. Both run with the profiler on
#      when --profiles DIR is given (windows in DIR/recipe and DIR/tuned, for `profiles`).
#
# Usage: bench/h2-tuned.sh [--calls N] [--rounds R] [--no-load] [--load-duration 20s]
#                          [--concurrency 2] [--port-base 19301] [--profiles DIR] [--java BIN]
#                          [--no-build] [--out bench/results/h2-tuned.txt]
#   N calls per variant are timed after N warm-up calls (default 2000), in R rounds (default 10).
#   The services listen on --port-base and the next port. --java runs the measurements (not
#   Maven) on another JVM, e.g. a newer JDK's bin/java. Takes about 4 minutes.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

usage() { header_usage; }

calls=2000
rounds=10
load=true
load_duration=20s
concurrency=2
port_base=19301
profiles=""
build=true
out="$root/bench/results/h2-tuned.txt"
while [[ $# -gt 0 ]]; do
	case "$1" in
		--calls) calls="$2"; shift 2 ;;
		--rounds) rounds="$2"; shift 2 ;;
		--no-load) load=false; shift ;;
		--load-duration) load_duration="$2"; shift 2 ;;
		--concurrency) concurrency="$2"; shift 2 ;;
		--port-base) port_base="$2"; shift 2 ;;
		--profiles) profiles="$2"; shift 2 ;;
		--java) java_bin="$2"; shift 2 ;;
		--no-build) build=false; shift ;;
		--out) out="$2"; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		*) unknown_option "$1" ;;
	esac
done
stop_on_exit

if [[ "$build" == true ]]; then
	(cd "$root" && ./mvnw -q -B -pl data-service,load-generator -am -DskipTests package)
fi
(cd "$root" && ./mvnw -q -B -pl data-service -am test-compile dependency:build-classpath \
	-Dmdep.includeScope=test -Dmdep.outputFile=target/floor-classpath.txt)

report="$work/report.txt"
{
	echo "# data.query=recipe against data.query=tuned, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "# $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java_version_line)"
	echo "# 1. the query alone: one thread, CPU time per call, $calls calls per variant in $rounds rounds after $calls warm-up"
} >"$report"
"$java_bin" -cp "$root/data-service/target/test-classes:$root/data-service/target/classes:$(cat "$root/data-service/target/floor-classpath.txt")" \
	dev.perfwatch.data.QueryVariantsCpu "$calls" "$rounds" 2>/dev/null | tee -a "$report"

if [[ "$load" == true ]]; then
	echo "# 2. the service: GET /data/fetch, closed model, concurrency $concurrency, $load_duration per turn, A B B A; CPU ms per request" >>"$report"
	declare -A port=([recipe]="$port_base" [tuned]=$((port_base + 1)))
	declare -A pid ticks sent
	for setting in recipe tuned; do
		require_free_port "${port[$setting]}" "data-service, data.query=$setting"
		profiling=(PERFWATCH_PROFILING=off)
		if [[ -n "$profiles" ]]; then
			mkdir -p "$profiles/$setting"
			profiling=(PERFWATCH_PROFILING=on "PERFWATCH_PROFILES_DIR=$profiles/$setting")
		fi
		start_logged "$work/$setting.log" env PORT="${port[$setting]}" DATA_QUERY="$setting" \
			MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED=false "${profiling[@]}" \
			"$java_bin" -Xmx256m -jar "$root/data-service/target/data-service.jar"
		pid[$setting]="${started_pids[-1]}"
		ticks[$setting]=0
		sent[$setting]=0
	done
	for setting in recipe tuned; do
		wait_url "http://127.0.0.1:${port[$setting]}/health"
		# Unmeasured: the JIT compiles the service before either is measured.
		run_loadgen "http://127.0.0.1:${port[$setting]}/data/fetch" --concurrency "$concurrency" --duration 15s >/dev/null
	done
	turn=0
	for setting in recipe tuned tuned recipe; do
		turn=$((turn + 1))
		before="$(cpu_ticks "${pid[$setting]}")"
		run_loadgen "http://127.0.0.1:${port[$setting]}/data/fetch" --concurrency "$concurrency" \
			--duration "$load_duration" --out "$work/turn-$turn.json" >/dev/null
		ticks[$setting]=$((ticks[$setting] + $(cpu_ticks "${pid[$setting]}") - before))
		f="$work/turn-$turn.json"
		sent[$setting]=$((sent[$setting] + $(json_field "$f" requests sent)))
		printf 'turn %d %s: %s req/s, p50 %s ms, p99 %s ms, %s errors\n' "$turn" "$setting" "$(json_field "$f" rate achieved)" \
			"$(json_field "$f" latency_ms p50)" "$(json_field "$f" latency_ms p99)" "$(json_field "$f" errors total)" | tee -a "$report"
	done
	clk_tck="$(getconf CLK_TCK)"
	for setting in recipe tuned; do
		awk -v s="$setting" -v t="${ticks[$setting]}" -v n="${sent[$setting]}" -v hz="$clk_tck" \
			'BEGIN { printf "service %s %.3f ms CPU per request (%d requests)\n", s, t * 1000 / hz / n, n }'
	done | tee -a "$report"
	awk '/^service recipe/ { r = $3 } /^service tuned/ { t = $3 } END { printf "service tuned/recipe %.3f\n", t / r }' \
		"$report" | tee -a "$report"
fi

mkdir -p "$(dirname "$out")"
cp "$report" "$out"
echo "Written to $out" >&2
