#!/usr/bin/env bash
# Compares whole suites side by side: starts the four services once per --stack, each stack with
# its own JVM options and properties, all reporting to one Zipkin with tracing at 100 %, and loads
# them all at once, each with its own load generator, so every stack sees the same machine at the
# same moment: the machine's noise, which moved a one-stack-at-a-time comparison by +-8 % between
# rounds here, hits all stacks alike. It compares the CPU time each stack's services spend per
# request with the first stack's, round by round. On a suite that spends all the CPU it gets,
# throughput is CPUs / CPU per request, so a CPU-per-request ratio r costs 1 - 1/r of throughput.
# Repeat the first stack under another name (an A/A control) to see how far two identical stacks
# differ in one run: no smaller difference is measured by it.
#
# Warm-up: each stack alone first (--solo-warmup: twenty JVMs compiling at once on two cores fell
# behind the load and shed it), then all together in steps until the stacks' JIT compilers take
# under 3 % of their CPU. With --rate (open model) the rate is kept low enough that no request
# fails: a stack that sheds load or opens a circuit breaker answers cheaply and its CPU per request
# means nothing. With --concurrency N (closed model) every stack has N requests in flight at all
# times, so they share the whole machine at saturation, and each stack's requests per second are
# reported beside its CPU. After the rounds, the stacks stand idle for --idle-seconds: what a
# stack spends then, beyond the first, is a cost per second whatever the load (the profiler's
# windows, for instance); the rest of its difference comes with each request.
#
# Usage: bench/side-by-side.sh --stack NAME=OPTIONS --stack NAME=OPTIONS [--stack ...]
#                              [--rounds N] [--round-seconds S] [--rate R | --concurrency N]
#                              [--max-warmup S] [--solo-warmup S] [--solo-rate R] [--idle-seconds S]
#                              [--title TEXT] [--out FILE]
#   --stack          a stack and the JVM options its four services get (system properties set any
#                    Spring property: -Dserver.tomcat.threads.max=8), split at spaces; the first
#                    stack is the one the others are compared with; two to eight stacks
#   --rounds         measured rounds (default 5)
#   --round-seconds  length of a round (default 60)
#   --rate           requests per second to each stack (default 12, open model)
#   --concurrency    closed model instead of --rate: N requests in flight per stack (saturation with
#                    2 or more); the solo warm-up then loads each stack the same way
#   --max-warmup     give up waiting for the JIT compilers after this many seconds (default 300)
#   --solo-warmup    seconds of load on each stack alone before the joint warm-up (default 60)
#   --solo-rate      its rate with --rate (default 60)
#   --idle-seconds   the idle measurement after the rounds (default 180)
#   --title          the report's first line (default: Side by side)
#   --out            where the report goes (default bench/results/side-by-side.txt)
#   Every service runs with -Xmx384m and its stack's profile windows (if it profiles) in a scratch
#   directory, before the stack's own options. Needs the jars from
#   `./mvnw -q -B -DskipTests package`, curl and bc. Env: BASE_PORT (default 18100; uses
#   BASE_PORT..BASE_PORT+90).
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
title="Side by side"
result="$root/bench/results/side-by-side.txt"
stacks=()
declare -A options_of=()
while [[ $# -gt 0 ]]; do
	case "$1" in
		--stack)
			[[ "$2" =~ ^([a-z0-9][a-z0-9-]{0,15})=(.*)$ ]] || die "--stack takes NAME=OPTIONS (NAME: lower case, up to 16 characters), not '$2'"
			[[ -z "${options_of[${BASH_REMATCH[1]}]+set}" ]] || die "stack '${BASH_REMATCH[1]}' is given twice"
			stacks+=("${BASH_REMATCH[1]}")
			options_of[${BASH_REMATCH[1]}]="${BASH_REMATCH[2]}"
			shift 2 ;;
		--rounds) rounds="$2"; shift 2 ;;
		--round-seconds) round_seconds="$2"; shift 2 ;;
		--rate) rate="$2"; shift 2 ;;
		--concurrency) concurrency="$2"; shift 2 ;;
		--max-warmup) max_warmup="$2"; shift 2 ;;
		--solo-warmup) solo_warmup="$2"; shift 2 ;;
		--solo-rate) solo_rate="$2"; shift 2 ;;
		--idle-seconds) idle_seconds="$2"; shift 2 ;;
		--title) title="$2"; shift 2 ;;
		--out) result="$2"; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		*) unknown_option "$1" ;;
	esac
done
((rounds >= 2)) || die "--rounds must be at least 2: the spread of the rounds is part of the result"
((${#stacks[@]} >= 2 && ${#stacks[@]} <= 8)) || die "give two to eight --stack NAME=OPTIONS (${#stacks[@]} given)"
baseline="${stacks[0]}"

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
work="$(mktemp -d)"
stop_on_exit

require_suite_jars
for tool in curl bc; do
	require_command "$tool" "apt-get install $tool"
done

zipkin_port=$((base_port + 90))
bench_zipkin "$zipkin_port"

# port_of STACK: the frontend port of STACK; its other services follow it
port_of() {
	local index
	for index in "${!stacks[@]}"; do
		if [[ "${stacks[$index]}" == "$1" ]]; then
			echo $((base_port + 10 * index))
			return 0
		fi
	done
	return 1
}

declare -A pids=()
# One stack at a time: twenty JVMs starting at once on two cores take minutes.
for stack in "${stacks[@]}"; do
	read -r -a options <<<"${options_of[$stack]}"
	mkdir -p "$work/$stack"
	start_services "$(port_of "$stack")" "$zipkin_port" "$work/$stack" -Xmx384m \
		"-Dperfwatch.profiling.dir=$work/$stack/profiles" "${options[@]}"
	wait_services "$(port_of "$stack")"
	pids[$stack]=""
	for offset in 0 1 2 3; do
		pids[$stack]+=" $(pid_on_port $(($(port_of "$stack") + offset)))"
	done
done

# stack_ticks FUNCTION STACK: FUNCTION's ticks (cpu_ticks or jit_ticks) summed over STACK's services
stack_ticks() {
	local total=0 pid
	for pid in ${pids[$2]}; do total=$((total + $("$1" "$pid"))); done
	echo "$total"
}

all_ticks() {
	local total=0 stack
	for stack in "${stacks[@]}"; do total=$((total + $(stack_ticks "$1" "$stack"))); done
	echo "$total"
}

# load_all SECONDS TAG: every stack under the chosen load for SECONDS at once; reports in $work/STACK/TAG.json
load_all() {
	local seconds="$1" tag="$2" stack gens=()
	for stack in "${stacks[@]}"; do
		run_loadgen "http://127.0.0.1:$(port_of "$stack")/" "${load[@]}" --duration "${seconds}s" --slowest 1 \
			--out "$work/$stack/$tag.json" >"$work/$stack/$tag.txt" 2>&1 &
		gens+=("$!")
	done
	wait "${gens[@]}"
}

for stack in "${stacks[@]}"; do
	echo "warming up '$stack' alone for ${solo_warmup}s, $solo_words" >&2
	run_loadgen "http://127.0.0.1:$(port_of "$stack")/" "${solo_load[@]}" --duration "${solo_warmup}s" --slowest 1 \
		>"$work/$stack/solo-warmup.txt" 2>&1
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
	for stack in "${stacks[@]}"; do
		failed=$((failed + $(json_field "$work/$stack/warmup.json" errors total)))
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
	echo "# $title, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "# $(nproc) CPUs, $(java_version_line), GET / on each frontend, tracing 100 % to one Zipkin"
	echo "# ${#stacks[@]} stacks loaded at once, $load_words, $rounds rounds of ${round_seconds}s after ${solo_warmup}s of"
	echo "# warm-up of each stack alone ($solo_words) and ${warmed}s of all together (in its last 30 s the JIT compilers"
	echo "# took $jit_share % of the stacks' CPU); every service: -Xmx384m, then its stack's options:"
	for stack in "${stacks[@]}"; do
		printf '#   %-16s %s\n' "$stack" "${options_of[$stack]:-(none)}"
	done
	echo "# cpu ms/req = the stack's four services' CPU time per request"
	printf '%-6s %-16s %9s %8s %11s %9s\n' round stack requests errors 'cpu ms/req' "vs-$baseline"
} >"$report"

declare -A ratios=() requests_of=() ticks_of=() errors_of=()
for stack in "${stacks[@]}"; do
	ratios[$stack]="" requests_of[$stack]=0 ticks_of[$stack]=0 errors_of[$stack]=0
done
for round in $(seq 1 "$rounds"); do
	declare -A before=() per_request=() sent_in=() errors_in=()
	for stack in "${stacks[@]}"; do before[$stack]=$(stack_ticks cpu_ticks "$stack"); done
	load_all "$round_seconds" "round-$round"
	for stack in "${stacks[@]}"; do
		ticks=$(($(stack_ticks cpu_ticks "$stack") - before[$stack]))
		sent=$(json_field "$work/$stack/round-$round.json" requests sent)
		errors=$(json_field "$work/$stack/round-$round.json" errors total)
		sent_in[$stack]=$sent errors_in[$stack]=${errors:-0}
		requests_of[$stack]=$((requests_of[$stack] + sent))
		ticks_of[$stack]=$((ticks_of[$stack] + ticks))
		errors_of[$stack]=$((errors_of[$stack] + ${errors:-0}))
		per_request[$stack]=$(bc -l <<<"1000 * $ticks / $clk_tck / $sent")
	done
	for stack in "${stacks[@]}"; do
		ratio=$(bc -l <<<"${per_request[$stack]} / ${per_request[$baseline]}")
		ratios[$stack]+=" $ratio"
		printf '%-6s %-16s %9d %8d %11.3f %9.4f\n' "$round" "$stack" "${sent_in[$stack]}" "${errors_in[$stack]}" \
			"${per_request[$stack]}" "$ratio" \
			| tee -a "$report"
	done
done

declare -A idle_before=() idle_ms_per_s=()
echo "the stacks stand idle for ${idle_seconds}s" >&2
sleep 5
for stack in "${stacks[@]}"; do idle_before[$stack]=$(stack_ticks cpu_ticks "$stack"); done
sleep "$idle_seconds"
for stack in "${stacks[@]}"; do
	idle_ms_per_s[$stack]=$(bc -l <<<"1000 * ($(stack_ticks cpu_ticks "$stack") - ${idle_before[$stack]}) / $clk_tck / $idle_seconds")
done

# rate_of STACK: the requests per second STACK answered over all rounds
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
	printf '%-16s %9s %8s %11s %17s %22s %8s\n' stack requests 'req/s' 'cpu ms/req' "cpu/req vs $baseline" \
		'throughput cost' windows
	for stack in "${stacks[@]}"; do
		read -r -a stack_ratios <<<"${ratios[$stack]}"
		read -r mean margin < <(mean_and_margin "${stack_ratios[@]}")
		windows=0
		[[ -d "$work/$stack/profiles" ]] && windows="$(find "$work/$stack/profiles" -name '*.jfr' | wc -l)"
		printf '%-16s %9d %8.1f %11.3f %17s %22s %8d\n' "$stack" "${requests_of[$stack]}" "$(rate_of "$stack")" \
			"$(bc -l <<<"1000 * ${ticks_of[$stack]} / $clk_tck / ${requests_of[$stack]}")" \
			"$(printf '%.4f +- %.4f' "$mean" "$margin")" \
			"$(awk -v m="$mean" -v e="$margin" 'BEGIN { printf "%.2f%% (%s..%.2f%%)", 100 * (1 - 1 / m), (m - e > 0) ? sprintf("%.2f", 100 * (1 - 1 / (m - e))) : "-inf", 100 * (1 - 1 / (m + e)) }')" \
			"$windows"
	done
	echo "cpu/req vs $baseline: mean of the rounds' ratios, +- the half-width of its 95 % confidence interval;"
	echo "throughput cost = 1 - 1/ratio, with the interval's ends: what that CPU per request costs a CPU-bound suite"
	echo "(negative: a saving); costs that come per second rather than per request weigh less at higher rates."
	echo "windows = profile windows (JFR) the stack's four services kept"
	echo
	echo "idle: the stacks without load for ${idle_seconds}s after the rounds; fixed = CPU ms per second beyond '$baseline' then;"
	echo "per request = the loaded CPU per request beyond '$baseline' less fixed / the stack's req/s"
	printf '%-16s %12s %14s %16s\n' stack 'idle ms/s' 'fixed ms/s' 'per request ms'
	for stack in "${stacks[@]}"; do
		fixed=$(bc -l <<<"${idle_ms_per_s[$stack]} - ${idle_ms_per_s[$baseline]}")
		printf '%-16s %12.2f %14.2f %16.3f\n' "$stack" "${idle_ms_per_s[$stack]}" "$fixed" \
			"$(bc -l <<<"1000 * (${ticks_of[$stack]} / ${requests_of[$stack]} - ${ticks_of[$baseline]} / ${requests_of[$baseline]}) / $clk_tck - $fixed / $(rate_of "$stack")")"
	done
	non2xx=0
	for stack in "${stacks[@]}"; do non2xx=$((non2xx + errors_of[$stack])); done
	echo "failed requests in all rounds: $non2xx"
} | tee -a "$report"

mkdir -p "$(dirname "$result")"
cp "$report" "$result"
echo "Written to $result"
