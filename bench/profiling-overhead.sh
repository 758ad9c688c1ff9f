#!/usr/bin/env bash
# What does the continuous profiler cost? Starts the four services twice side by side, one stack
# with profiling on at the default schedule (a 10 s window every 60 s) and one with it off, both
# reporting to one Zipkin, then loads the two frontends in alternating rounds with wrk (ABBA, so
# machine noise hits both alike) and compares throughput and the services' CPU time.
#
# Usage: bench/profiling-overhead.sh [--rounds N] [--round-seconds S] [--warmup-seconds S]
#   Needs the jars from `./mvnw -q -B -DskipTests package`, wrk and curl.
#   Env: BASE_PORT (default 18100; uses BASE_PORT..BASE_PORT+20), WRK_CONNECTIONS (default 4),
#        RESULT (default bench/results/profiling-overhead.txt).
set -euo pipefail

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; }

rounds=2
round_seconds=60
warmup_seconds=20
while [[ $# -gt 0 ]]; do
	case "$1" in
		--rounds) rounds="$2"; shift 2 ;;
		--round-seconds) round_seconds="$2"; shift 2 ;;
		--warmup-seconds) warmup_seconds="$2"; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		*) usage >&2; exit 2 ;;
	esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
base_port="${BASE_PORT:-18100}"
connections="${WRK_CONNECTIONS:-4}"
result="${RESULT:-$root/bench/results/profiling-overhead.txt}"
work="$(mktemp -d)"
pids=()

cleanup() {
	for pid in "${pids[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${pids[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	rm -rf "$work"
}
trap cleanup EXIT

for jar in frontend-service api-gateway-service auth-service data-service; do
	if [[ ! -f "$root/$jar/target/$jar.jar" ]]; then
		echo "Missing $jar/target/$jar.jar: run ./mvnw -q -B -DskipTests package first" >&2
		exit 1
	fi
done
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

zipkin_port=$((base_port + 20))
(cd "$root" && ./mvnw -q -B dependency:copy -Dartifact=io.zipkin:zipkin-server:3.6.1:jar:exec \
	-DoutputDirectory="$work" -N)
STORAGE_TYPE=mem MEM_MAX_SPANS=50000 java -Xmx256m -jar "$work/zipkin-server-3.6.1-exec.jar" \
	"--armeria.ports[0].ip=127.0.0.1" "--armeria.ports[0].port=$zipkin_port" \
	"--armeria.ports[0].protocols[0]=http" >"$work/zipkin.log" 2>&1 &
pids+=("$!")

# start_stack NAME FIRST_PORT PROFILING: prints the four service PIDs
start_stack() {
	local name="$1" port="$2" profiling="$3"
	local -a env=(
		"PERFWATCH_PROFILING=$profiling" "PERFWATCH_PROFILES_DIR=$work/profiles-$name"
		"MANAGEMENT_ZIPKIN_TRACING_ENDPOINT=http://127.0.0.1:$zipkin_port/api/v2/spans"
		"API_SERVICE_URL=http://127.0.0.1:$((port + 1))"
		"AUTH_SERVICE_URL=http://127.0.0.1:$((port + 2))"
		"DATA_SERVICE_URL=http://127.0.0.1:$((port + 3))"
	)
	local offset=0
	for service in frontend-service api-gateway-service auth-service data-service; do
		env "${env[@]}" PORT=$((port + offset)) java -Xmx384m -jar "$root/$service/target/$service.jar" \
			>"$work/$name-$service.log" 2>&1 &
		pids+=("$!")
		echo "$!" >>"$work/$name.pids"
		offset=$((offset + 1))
	done
}

wait_ready() {
	local url="$1"
	for _ in $(seq 1 120); do
		if curl -fsS -o /dev/null "$url" 2>/dev/null; then
			return 0
		fi
		sleep 1
	done
	echo "Not ready after 120 s: $url" >&2
	exit 1
}

# cpu_ticks NAME: user+system clock ticks of a stack's four JVMs so far
cpu_ticks() {
	local total=0 pid
	while read -r pid; do
		total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
	done <"$work/$1.pids"
	echo "$total"
}

on_port="$base_port"
off_port=$((base_port + 10))
start_stack on "$on_port" on
start_stack off "$off_port" off
wait_ready "http://127.0.0.1:$zipkin_port/health"
for port in "$on_port" "$off_port"; do
	for offset in 0 1 2 3; do
		wait_ready "http://127.0.0.1:$((port + offset))/actuator/health/readiness"
	done
done

# load NAME PORT SECONDS: prints "requests non2xx cpu_ticks"
load() {
	local name="$1" port="$2" seconds="$3" before after out requests errors
	before="$(cpu_ticks "$name")"
	out="$(wrk -t1 -c"$connections" -d"${seconds}s" --timeout 10s "http://127.0.0.1:$port/")"
	after="$(cpu_ticks "$name")"
	requests="$(awk '/requests in/ {print $1}' <<<"$out")"
	errors="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
	echo "$requests ${errors:-0} $((after - before))"
}

echo "Warming up both stacks for ${warmup_seconds}s each"
load on "$on_port" "$warmup_seconds" >/dev/null
load off "$off_port" "$warmup_seconds" >/dev/null

ticks_per_second="$(getconf CLK_TCK)"
declare -A requests=([on]=0 [off]=0) errors=([on]=0 [off]=0) ticks=([on]=0 [off]=0)
report="$work/report.txt"
{
	echo "# Continuous profiling overhead, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "# $(nproc) CPUs, $(java -version 2>&1 | head -1), wrk -t1 -c$connections, GET / on the frontend"
	echo "# $rounds rounds of ${round_seconds}s per stack, alternating ABBA; profiling on = default schedule (10s window every 60s)"
	printf '%-6s %-4s %10s %10s %8s %12s\n' round mode requests req/s non2xx cpu_s
} >"$report"
# ABBA: the stacks still warm up round after round, so the stack loaded second in a round has an
# edge; swapping the order every round gives it to each stack alike.
for round in $(seq 1 "$rounds"); do
	order="on off"
	(( round % 2 == 0 )) && order="off on"
	for mode in $order; do
		port="$on_port"
		[[ "$mode" == off ]] && port="$off_port"
		read -r r e t < <(load "$mode" "$port" "$round_seconds")
		requests[$mode]=$((requests[$mode] + r))
		errors[$mode]=$((errors[$mode] + e))
		ticks[$mode]=$((ticks[$mode] + t))
		printf '%-6s %-4s %10d %10.1f %8d %12.1f\n' "$round" "$mode" "$r" "$(bc -l <<<"$r / $round_seconds")" "$e" \
			"$(bc -l <<<"$t / $ticks_per_second")" | tee -a "$report"
	done
done

windows="$(find "$work/profiles-on" -name '*-cpu.jfr' | wc -l)"
{
	echo
	for mode in on off; do
		printf '%-4s total %d requests, %.1f req/s, %.2f CPU ms per request\n' "$mode" "${requests[$mode]}" \
			"$(bc -l <<<"${requests[$mode]} / ($rounds * $round_seconds)")" \
			"$(bc -l <<<"1000 * ${ticks[$mode]} / $ticks_per_second / ${requests[$mode]}")"
	done
	printf 'throughput on/off: %.4f (cost %.2f%%)\n' "$(bc -l <<<"${requests[on]} / ${requests[off]}")" \
		"$(bc -l <<<"100 * (1 - ${requests[on]} / ${requests[off]})")"
	printf 'CPU per request on/off: %.4f\n' \
		"$(bc -l <<<"(${ticks[on]} / ${requests[on]}) / (${ticks[off]} / ${requests[off]})")"
	echo "profile windows recorded by the 'on' stack's four services: $windows"
} | tee -a "$report"

mkdir -p "$(dirname "$result")"
cp "$report" "$result"
echo "Written to $result"
