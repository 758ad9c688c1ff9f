#!/usr/bin/env bash
# What does the profiler cost? Starts the four services five times side by side, all reporting to
# one Zipkin with tracing at 100 %:
#   off      profiling off
#   control  profiling off again: the A/A check, how far two identical stacks differ in one run
#   default  the continuous schedule (a 10 s window every 60 s), no span events
#   spans    the continuous schedule with span events (the perfwatch default)
#   trace    trace mode (10 s windows every 11 s, dense sampling, span events)
# and loads all five at once, each with its own open-model load generator at the same fixed rate,
# so every stack sees the same machine at the same moment: the machine's noise, which moved a
# one-stack-at-a-time comparison by +-8 % between rounds here, hits all modes alike. It compares
# the CPU time each stack's services spend per request with 'off', round by round. On a suite
# that spends all the CPU it gets, throughput is CPUs / CPU per request, so a CPU-per-request
# ratio r would cost 1 - 1/r of throughput; but much of the profiler's cost comes per window, not
# per request, so at a low rate it weighs more per request than at saturation: the throughput
# column is an upper bound for the load that was run, not the cost at saturation.
# Warm-up: each stack alone first (--solo-warmup at --solo-rate: twenty JVMs compiling at once on
# two cores fell behind the load and shed it), then all together in steps until the stacks' JIT
# compilers take under 3 % of their CPU. The rate is kept low enough that no request fails: a
# stack that sheds load or opens a circuit breaker answers cheaply and its CPU per request means
# nothing. A round of whole minutes holds exactly one minute's share of the default schedule's
# windows. After the rounds, the stacks stand idle for --idle-seconds: what each mode spends then,
# beyond 'off', is the profiler's cost per second whatever the load (windows starting, sampling,
# files written); the rest of its cost comes with each request. The two together give its cost at
# any rate, saturation included.
#
# With --concurrency the load is a closed model instead: every stack gets N requests in flight at
# all times, so the five share the whole machine at saturation, the load the 1 % goal speaks of
# (throughput), where the per-window costs weigh least; no request is shed (a request waits for an
# answer, not for a slot), and each stack's requests per second are reported beside its CPU.
#
# Usage: bench/profiling-overhead.sh [--rounds N] [--round-seconds S] [--rate R | --concurrency N]
#                                     [--max-warmup S] [--solo-warmup S] [--solo-rate R]
#   --rounds         measured rounds (default 5)
#   --round-seconds  length of a round (default 60: the default schedule records 10 s of each 60 s)
#   --rate           requests per second to each stack (default 12; five stacks: 60 in all, about a
#                    third of what one stack alone serves here)
#   --concurrency    closed model instead of --rate: N requests in flight per stack (saturation with
#                    2 or more); the solo warm-up then loads each stack the same way
#   --max-warmup     give up waiting for the JIT compilers after this many seconds (default 300)
#   --solo-warmup    seconds of load on each stack alone before the joint warm-up (default 60)
#   --solo-rate      its rate (default 60)
#   --idle-seconds   the idle measurement after the rounds (default 180: three default windows)
#   --modes          the stacks, comma-separated (default off,control,default,spans,trace; off is
#                    always among them). Three more take the default schedule apart, to see which
#                    of its samplers costs what: no-wall (wall-clock sampling pushed out of the
#                    window: one sample a minute), no-alloc (one allocation sample per GiB: JVMTI
#                    takes the interval as an int, so no more), cpu-only (both); sparse and
#                    sparse-spans are default and spans with a wall sample every 200 ms (not 50)
#                    and an allocation sample per 2 MiB (not 512 KiB); loaded records its first
#                    window at start and none after (a period of a day): the profiler is loaded
#                    and idle, what its presence alone costs; ctimer and itimer sample CPU time
#                    with that timer instead of perf events (default otherwise)
#   Needs the jars from `./mvnw -q -B -DskipTests package`, curl and bc.
#   Env: BASE_PORT (default 18100; uses BASE_PORT..BASE_PORT+50),
#        RESULT (default bench/results/profiling-overhead.txt).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

usage() { header_usage; }

rounds=5
round_seconds=60
rate=12
concurrency=""
max_warmup=300
solo_warmup=60
solo_rate=60
idle_seconds=180
mode_list=off,control,default,spans,trace
while [[ $# -gt 0 ]]; do
	case "$1" in
		--rounds) rounds="$2"; shift 2 ;;
		--round-seconds) round_seconds="$2"; shift 2 ;;
		--rate) rate="$2"; shift 2 ;;
		--concurrency) concurrency="$2"; shift 2 ;;
		--max-warmup) max_warmup="$2"; shift 2 ;;
		--solo-warmup) solo_warmup="$2"; shift 2 ;;
		--solo-rate) solo_rate="$2"; shift 2 ;;
		--idle-seconds) idle_seconds="$2"; shift 2 ;;
		--modes) mode_list="$2"; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		*) unknown_option "$1" ;;
	esac
done
((rounds >= 2)) || die "--rounds must be at least 2: the spread of the rounds is part of the result"

# The load each stack gets, in the load generator's words.
if [[ -n "$concurrency" ]]; then
	load=(--concurrency "$concurrency")
	solo_load=(--concurrency "$concurrency")
	load_words="closed model, $concurrency requests in flight per stack"
	solo_words="closed model, $concurrency in flight"
else
	load=(--rate "$rate")
	solo_load=(--rate "$solo_rate")
	load_words="$rate req/s each (open model)"
	solo_words="$solo_rate req/s"
fi

base_port="${BASE_PORT:-18100}"
result="${RESULT:-$root/bench/results/profiling-overhead.txt}"
work="$(mktemp -d)"
IFS=, read -r -a modes <<<"$mode_list"
[[ "${modes[0]}" == off ]] || die "--modes must start with off: every other stack is compared with it"
stop_on_exit

for jar in frontend-service api-gateway-service auth-service data-service load-generator; do
	[[ -f "$root/$jar/target/$jar.jar" ]] || die "missing $jar/target/$jar.jar: run ./mvnw -q -B -DskipTests package first"
done
for tool in curl bc; do
	require_command "$tool" "apt-get install $tool"
done

zipkin_port=$((base_port + 50))
bench_zipkin "$zipkin_port"

# profiling_options MODE: the JVM options that make a stack run MODE
profiling_options() {
	case "$1" in
		off|control) echo "-Dperfwatch.profiling.enabled=off" ;;
		default) echo "-Dperfwatch.profiling.enabled=on -Dperfwatch.profiling.mode=continuous -Dperfwatch.profiling.span-events=false" ;;
		spans) echo "-Dperfwatch.profiling.enabled=on -Dperfwatch.profiling.mode=continuous -Dperfwatch.profiling.span-events=true" ;;
		trace) echo "-Dperfwatch.profiling.enabled=on -Dperfwatch.profiling.mode=trace -Dperfwatch.profiling.span-events=true" ;;
		no-wall) echo "$(profiling_options default) -Dperfwatch.profiling.wall-interval=60s" ;;
		no-alloc) echo "$(profiling_options default) -Dperfwatch.profiling.alloc-interval=1GB" ;;
		cpu-only) echo "$(profiling_options no-wall) -Dperfwatch.profiling.alloc-interval=1GB" ;;
		ctimer|itimer) echo "$(profiling_options default) -Dperfwatch.profiling.cpu-engine=$1" ;;
		loaded) echo "$(profiling_options default) -Dperfwatch.profiling.period=24h" ;;
		sparse) echo "$(profiling_options default) -Dperfwatch.profiling.wall-interval=200ms -Dperfwatch.profiling.alloc-interval=2MB" ;;
		sparse-spans) echo "$(profiling_options spans) -Dperfwatch.profiling.wall-interval=200ms -Dperfwatch.profiling.alloc-interval=2MB" ;;
		*) die "unknown mode '$1' in --modes" ;;
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

declare -A pids=()
# One stack at a time: twenty JVMs starting at once on two cores take minutes.
for mode in "${modes[@]}"; do
	read -r -a options <<<"$(profiling_options "$mode")"
	mkdir -p "$work/$mode"
	start_services "$(port_of "$mode")" "$zipkin_port" "$work/$mode" -Xmx384m "${options[@]}" \
		"-Dperfwatch.profiling.dir=$work/$mode/profiles"
	wait_services "$(port_of "$mode")"
	pids[$mode]=""
	for offset in 0 1 2 3; do
		pids[$mode]+=" $(pid_on_port $(($(port_of "$mode") + offset)))"
	done
done

# stack_ticks FUNCTION MODE: FUNCTION's ticks (cpu_ticks or jit_ticks) summed over MODE's services
stack_ticks() {
	local total=0 pid
	for pid in ${pids[$2]}; do total=$((total + $("$1" "$pid"))); done
	echo "$total"
}

all_ticks() {
	local total=0 mode
	for mode in "${modes[@]}"; do total=$((total + $(stack_ticks "$1" "$mode"))); done
	echo "$total"
}

# load_all SECONDS TAG: every stack under the chosen load for SECONDS at once; reports in $work/MODE/TAG.json
load_all() {
	local seconds="$1" tag="$2" mode gens=()
	for mode in "${modes[@]}"; do
		run_loadgen "http://127.0.0.1:$(port_of "$mode")/" "${load[@]}" --duration "${seconds}s" --slowest 1 \
			--out "$work/$mode/$tag.json" >"$work/$mode/$tag.txt" 2>&1 &
		gens+=("$!")
	done
	wait "${gens[@]}"
}

for mode in "${modes[@]}"; do
	echo "warming up '$mode' alone for ${solo_warmup}s, $solo_words" >&2
	run_loadgen "http://127.0.0.1:$(port_of "$mode")/" "${solo_load[@]}" --duration "${solo_warmup}s" --slowest 1 \
		>"$work/$mode/solo-warmup.txt" 2>&1
done

warmed=0
while :; do
	cpu_before=$(all_ticks cpu_ticks)
	jit_before=$(all_ticks jit_ticks)
	load_all 30 warmup
	warmed=$((warmed + 30))
	jit_share=$(awk -v c=$(($(all_ticks cpu_ticks) - cpu_before)) -v j=$(($(all_ticks jit_ticks) - jit_before)) \
		'BEGIN { printf "%.1f", (c > 0) ? 100 * j / c : 0 }')
	failed=0
	for mode in "${modes[@]}"; do
		failed=$((failed + $(json_field "$work/$mode/warmup.json" errors total)))
	done
	echo "warmed up ${warmed}s: the JIT compilers took $jit_share % of the stacks' CPU in the last 30 s;" \
		"$failed requests failed" >&2
	if awk -v s="$jit_share" 'BEGIN { exit !(s < 3) }' || ((warmed + 30 > max_warmup)); then
		break
	fi
done

clk_tck="$(getconf CLK_TCK)"
report="$work/report.txt"
{
	echo "# Profiler overhead, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "# $(nproc) CPUs, $(java -version 2>&1 | head -1), GET / on each frontend, tracing 100 % to one Zipkin"
	echo "# ${#modes[@]} stacks loaded at once, $load_words, $rounds rounds of ${round_seconds}s after ${solo_warmup}s of"
	echo "# warm-up of each stack alone ($solo_words) and ${warmed}s of all together (in its last 30 s the JIT compilers"
	echo "# took $jit_share % of the stacks' CPU)"
	echo "# modes: off, control (off again), default (10 s window every 60 s, no span events), spans (default + span"
	echo "# events), trace (10 s every 11 s, dense), no-wall / no-alloc / cpu-only (default without those samplers),"
	echo "# sparse / sparse-spans (default / spans with wall every 200 ms, alloc every 2 MiB), loaded (one window at"
	echo "# start, then the profiler stays loaded and idle), ctimer / itimer (default, CPU sampled by that timer);"
	echo "# this run: ${modes[*]}; cpu ms/req = the stack's four services' CPU time per request"
	printf '%-6s %-8s %9s %8s %11s %9s\n' round mode requests errors 'cpu ms/req' vs-off
} >"$report"

declare -A ratios=() requests_of=() ticks_of=() errors_of=()
for mode in "${modes[@]}"; do
	ratios[$mode]="" requests_of[$mode]=0 ticks_of[$mode]=0 errors_of[$mode]=0
done
for round in $(seq 1 "$rounds"); do
	declare -A before=() per_request=() sent_in=() errors_in=()
	for mode in "${modes[@]}"; do before[$mode]=$(stack_ticks cpu_ticks "$mode"); done
	load_all "$round_seconds" "round-$round"
	for mode in "${modes[@]}"; do
		ticks=$(($(stack_ticks cpu_ticks "$mode") - before[$mode]))
		sent=$(json_field "$work/$mode/round-$round.json" requests sent)
		errors=$(json_field "$work/$mode/round-$round.json" errors total)
		sent_in[$mode]=$sent errors_in[$mode]=${errors:-0}
		requests_of[$mode]=$((requests_of[$mode] + sent))
		ticks_of[$mode]=$((ticks_of[$mode] + ticks))
		errors_of[$mode]=$((errors_of[$mode] + ${errors:-0}))
		per_request[$mode]=$(bc -l <<<"1000 * $ticks / $clk_tck / $sent")
	done
	for mode in "${modes[@]}"; do
		ratio=$(bc -l <<<"${per_request[$mode]} / ${per_request[off]}")
		ratios[$mode]+=" $ratio"
		printf '%-6s %-8s %9d %8d %11.3f %9.4f\n' "$round" "$mode" "${sent_in[$mode]}" "${errors_in[$mode]}" \
			"${per_request[$mode]}" "$ratio" \
			| tee -a "$report"
	done
done

declare -A idle_before=() idle_ms_per_s=()
echo "the stacks stand idle for ${idle_seconds}s" >&2
sleep 5
for mode in "${modes[@]}"; do idle_before[$mode]=$(stack_ticks cpu_ticks "$mode"); done
sleep "$idle_seconds"
for mode in "${modes[@]}"; do
	idle_ms_per_s[$mode]=$(bc -l <<<"1000 * ($(stack_ticks cpu_ticks "$mode") - ${idle_before[$mode]}) / $clk_tck / $idle_seconds")
done

# rate_of MODE: the requests per second MODE's stack answered over all rounds
rate_of() {
	bc -l <<<"${requests_of[$1]} / ($rounds * $round_seconds)"
}

# mean_and_margin RATIO...: the mean ratio and the half-width of its 95 % confidence interval
# (Student's t over the rounds).
mean_and_margin() {
	printf '%s\n' "$@" | awk '
		{ x[NR] = $1; sum += $1 }
		END {
			n = NR; mean = sum / n
			for (i = 1; i <= n; i++) ss += (x[i] - mean) ^ 2
			split("12.706 4.303 3.182 2.776 2.571 2.447 2.365 2.306 2.262 2.228 2.201 2.179 2.160 2.145", t, " ")
			tq = (n - 1 <= 14) ? t[n - 1] : 2.1
			printf "%.4f %.4f\n", mean, tq * sqrt(ss / (n - 1)) / sqrt(n)
		}'
}

{
	echo
	printf '%-8s %9s %8s %11s %17s %22s %8s\n' mode requests 'req/s' 'cpu ms/req' 'cpu/req vs off' 'throughput cost' \
		windows
	for mode in "${modes[@]}"; do
		read -r -a mode_ratios <<<"${ratios[$mode]}"
		read -r mean margin < <(mean_and_margin "${mode_ratios[@]}")
		windows=0
		[[ -d "$work/$mode/profiles" ]] && windows="$(find "$work/$mode/profiles" -name '*.jfr' | wc -l)"
		printf '%-8s %9d %8.1f %11.3f %17s %22s %8d\n' "$mode" "${requests_of[$mode]}" "$(rate_of "$mode")" \
			"$(bc -l <<<"1000 * ${ticks_of[$mode]} / $clk_tck / ${requests_of[$mode]}")" \
			"$(printf '%.4f +- %.4f' "$mean" "$margin")" \
			"$(awk -v m="$mean" -v e="$margin" 'BEGIN { printf "%.2f%% (%s..%.2f%%)", 100 * (1 - 1 / m), (m - e > 0) ? sprintf("%.2f", 100 * (1 - 1 / (m - e))) : "-inf", 100 * (1 - 1 / (m + e)) }')" \
			"$windows"
	done
	echo "cpu/req vs off: mean of the rounds' ratios, +- the half-width of its 95 % confidence interval;"
	echo "throughput cost = 1 - 1/ratio, with the interval's ends: what the CPU per request at this rate would cost a"
	echo "CPU-bound suite; costs that come per window rather than per request weigh less at higher rates;"
	echo "control is a second 'off' stack: its distance from 1 is what two identical stacks differ by in this run."
	echo "windows = JFR windows the stack's four services kept"
	echo
	echo "idle: the stacks without load for ${idle_seconds}s after the rounds; fixed = CPU ms per second beyond 'off' then;"
	echo "per request = the loaded CPU per request beyond 'off' less fixed / the mode's req/s"
	printf '%-8s %12s %14s %16s\n' mode 'idle ms/s' 'fixed ms/s' 'per request ms'
	for mode in "${modes[@]}"; do
		fixed=$(bc -l <<<"${idle_ms_per_s[$mode]} - ${idle_ms_per_s[off]}")
		printf '%-8s %12.2f %14.2f %16.3f\n' "$mode" "${idle_ms_per_s[$mode]}" "$fixed" \
			"$(bc -l <<<"1000 * (${ticks_of[$mode]} / ${requests_of[$mode]} - ${ticks_of[off]} / ${requests_of[off]}) / $clk_tck - $fixed / $(rate_of "$mode")")"
	done
	non2xx=0
	for mode in "${modes[@]}"; do non2xx=$((non2xx + errors_of[$mode])); done
	echo "failed requests in all rounds: $non2xx"
} | tee -a "$report"

mkdir -p "$(dirname "$result")"
cp "$report" "$result"
echo "Written to $result"
