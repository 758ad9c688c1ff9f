#!/usr/bin/env bash
# What does the profiler cost? Starts the four services four times side by side, all reporting to
# one Zipkin with tracing at 100 %:
#   off      profiling off
#   default  the continuous schedule (a 10 s window every 60 s), no span events
#   spans    the continuous schedule with span events (the perfwatch default)
#   trace    trace mode (10 s windows every 11 s, dense sampling, span events)
# then loads one frontend at a time with wrk in rotating order (each mode goes first, second, ...
# alike, so warm-up drift and machine noise hit all modes alike), and compares throughput and the
# services' CPU time per request against 'off'. The idle stacks keep running: stopped with SIGSTOP,
# a stack's schedule would start a window the moment it resumes, so every round would begin with
# one and the default schedule would record 10 s of each 45 s round instead of 10 s of each 60 s.
# A round of whole minutes holds exactly one minute's share of windows, wherever they fall.
#
# Usage: bench/profiling-overhead.sh [--rounds N] [--round-seconds S] [--warmup-seconds S]
#   Needs the jars from `./mvnw -q -B -DskipTests package`, wrk, curl and bc.
#   A round should span whole minutes (default 60 s): the default schedule records 10 s of every 60 s.
#   Env: BASE_PORT (default 18100; uses BASE_PORT..BASE_PORT+40), WRK_CONNECTIONS (default 4),
#        RESULT (default bench/results/profiling-overhead.txt).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

usage() { header_usage; }

rounds=4
round_seconds=60
warmup_seconds=40
while [[ $# -gt 0 ]]; do
	case "$1" in
		--rounds) rounds="$2"; shift 2 ;;
		--round-seconds) round_seconds="$2"; shift 2 ;;
		--warmup-seconds) warmup_seconds="$2"; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		*) unknown_option "$1" ;;
	esac
done

base_port="${BASE_PORT:-18100}"
connections="${WRK_CONNECTIONS:-4}"
result="${RESULT:-$root/bench/results/profiling-overhead.txt}"
work="$(mktemp -d)"
modes=(off default spans trace)
stop_on_exit

for jar in frontend-service api-gateway-service auth-service data-service; do
	if [[ ! -f "$root/$jar/target/$jar.jar" ]]; then
		echo "Missing $jar/target/$jar.jar: run ./mvnw -q -B -DskipTests package first" >&2
		exit 1
	fi
done
for tool in wrk curl bc; do
	require_command "$tool" "apt-get install $tool"
done

zipkin_port=$((base_port + 40))
bench_zipkin "$zipkin_port"

# profiling_env MODE: the settings that make a stack run MODE
profiling_env() {
	case "$1" in
		off) echo "PERFWATCH_PROFILING=off" ;;
		default) echo "PERFWATCH_PROFILING=on PERFWATCH_PROFILING_MODE=continuous PERFWATCH_PROFILING_SPAN_EVENTS=false" ;;
		spans) echo "PERFWATCH_PROFILING=on PERFWATCH_PROFILING_MODE=continuous PERFWATCH_PROFILING_SPAN_EVENTS=true" ;;
		trace) echo "PERFWATCH_PROFILING=on PERFWATCH_PROFILING_MODE=trace PERFWATCH_PROFILING_SPAN_EVENTS=true" ;;
	esac
}

# port_of MODE: the frontend port of MODE's stack; its other services follow it
port_of() {
	local index
	for index in "${!modes[@]}"; do
		if [[ "${modes[$index]}" == "$1" ]]; then
			echo $((base_port + 10 * index))
			return 0
		fi
	done
	return 1
}

start_stack() {
	local mode="$1" port
	port="$(port_of "$mode")"
	local -a env
	read -r -a env <<<"$(profiling_env "$mode")"
	env+=(
		"PERFWATCH_PROFILES_DIR=$work/profiles-$mode"
		"MANAGEMENT_ZIPKIN_TRACING_ENDPOINT=http://127.0.0.1:$zipkin_port/api/v2/spans"
		"API_SERVICE_URL=http://127.0.0.1:$((port + 1))"
		"AUTH_SERVICE_URL=http://127.0.0.1:$((port + 2))"
		"DATA_SERVICE_URL=http://127.0.0.1:$((port + 3))"
	)
	local offset=0
	for service in frontend-service api-gateway-service auth-service data-service; do
		start_logged "$work/$mode-$service.log" \
			env "${env[@]}" PORT=$((port + offset)) "$java_bin" -Xmx384m -jar "$root/$service/target/$service.jar"
		echo "${started_pids[-1]}" >>"$work/$mode.pids"
		offset=$((offset + 1))
	done
}

# stack_cpu_ticks MODE: user+system clock ticks of a stack's four JVMs so far
stack_cpu_ticks() {
	local total=0 pid
	while read -r pid; do
		total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
	done <"$work/$1.pids"
	echo "$total"
}

for mode in "${modes[@]}"; do
	start_stack "$mode"
done
for mode in "${modes[@]}"; do
	wait_services "$(port_of "$mode")"
done

# load MODE SECONDS: prints "requests non2xx cpu_ticks".
load() {
	local mode="$1" seconds="$2" before after out requests errors
	before="$(stack_cpu_ticks "$mode")"
	out="$(wrk -t1 -c"$connections" -d"${seconds}s" --timeout 10s "http://127.0.0.1:$(port_of "$mode")/")"
	after="$(stack_cpu_ticks "$mode")"
	requests="$(awk '/requests in/ {print $1}' <<<"$out")"
	errors="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
	echo "$requests ${errors:-0} $((after - before))"
}

for mode in "${modes[@]}"; do
	echo "Warming up '$mode' for ${warmup_seconds}s"
	load "$mode" "$warmup_seconds" >/dev/null
done

ticks_per_second="$(getconf CLK_TCK)"
declare -A requests=() errors=() ticks=()
for mode in "${modes[@]}"; do
	requests[$mode]=0 errors[$mode]=0 ticks[$mode]=0
done
report="$work/report.txt"
{
	echo "# Profiler overhead, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "# $(nproc) CPUs, $(java -version 2>&1 | head -1), wrk -t1 -c$connections, GET / on the frontend, tracing 100 % to Zipkin"
	echo "# $rounds rounds of ${round_seconds}s per stack, order rotating each round, the other stacks idle; modes: off, default (10 s window"
	echo "# every 60 s, no span events), spans (default + span events), trace (10 s every 11 s, dense)"
	printf '%-6s %-8s %10s %10s %8s %10s\n' round mode requests req/s non2xx cpu_s
} >"$report"
# Rotating the order: the stacks still warm up round after round and the machine's noise drifts, so
# each mode takes each place in the order equally often over a multiple of four rounds.
count=${#modes[@]}
for round in $(seq 1 "$rounds"); do
	for place in $(seq 0 $((count - 1))); do
		mode="${modes[$(((place + round - 1) % count))]}"
		read -r r e t < <(load "$mode" "$round_seconds")
		requests[$mode]=$((requests[$mode] + r))
		errors[$mode]=$((errors[$mode] + e))
		ticks[$mode]=$((ticks[$mode] + t))
		printf '%-6s %-8s %10d %10.1f %8d %10.1f\n' "$round" "$mode" "$r" "$(bc -l <<<"$r / $round_seconds")" "$e" \
			"$(bc -l <<<"$t / $ticks_per_second")" | tee -a "$report"
	done
done

{
	echo
	printf '%-8s %10s %10s %12s %16s %10s %8s\n' mode requests req/s 'cpu ms/req' 'throughput cost' 'cpu/req' windows
	for mode in "${modes[@]}"; do
		windows=0
		[[ -d "$work/profiles-$mode" ]] && windows="$(find "$work/profiles-$mode" -name '*.jfr' | wc -l)"
		printf '%-8s %10d %10.1f %12.2f %15.2f%% %10.4f %8d\n' "$mode" "${requests[$mode]}" \
			"$(bc -l <<<"${requests[$mode]} / ($rounds * $round_seconds)")" \
			"$(bc -l <<<"1000 * ${ticks[$mode]} / $ticks_per_second / ${requests[$mode]}")" \
			"$(bc -l <<<"100 * (1 - ${requests[$mode]} / ${requests[off]})")" \
			"$(bc -l <<<"(${ticks[$mode]} / ${requests[$mode]}) / (${ticks[off]} / ${requests[off]})")" \
			"$windows"
	done
	echo "throughput cost and cpu/req are against 'off'; windows = JFR windows the stack's four services kept"
	non2xx=0
	for mode in "${modes[@]}"; do
		non2xx=$((non2xx + errors[$mode]))
	done
	echo "non-2xx answers in all rounds: $non2xx"
} | tee -a "$report"

mkdir -p "$(dirname "$result")"
cp "$report" "$result"
echo "Written to $result"
