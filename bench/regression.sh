#!/usr/bin/env bash
# Regression gate: is HEAD_REF slower than BASE_REF, and if so, which code made it slower?
#
# Builds both revisions of this repository into work trees of their own, starts both suites side
# by side on 127.0.0.1 (one Zipkin, tracing at 100 %, each suite profiling itself), warms both up,
# then loads them alternately with the same closed-model load, in A B B A order so that a drift of
# the machine falls on both. `load-generator compare --paired` then weighs throughput, p50, p99
# (coordinated-omission corrected) and CPU per request per service, each as the ratios of rounds
# run next to each other, against a tolerance derived from the spread of those ratios, and prints
# one verdict; `profiles --diff` names, per service, where the CPU's growth starts and the frames
# whose share grew most from base to head.
#
# Usage: bench/regression.sh BASE_REF [HEAD_REF] [options]
#   HEAD_REF          default HEAD
#   --rounds N        measured rounds per side (6): pairs of rounds; at least 4 to catch anything
#   --repeat N        independent comparisons on the same two running suites (1): for the
#                     false-alarm rate of a revision against itself
#   --warmup D        unmeasured load on each suite before the first round (30s)
#   --duration D      length of each round (15s)
#   --concurrency N   connections of the closed-model load (4)
#   --port-base P     base suite's frontend port (18300); the head suite uses P+100, Zipkin P+10
#   --base-jvm ARG    a JVM option for the base suite's services only, e.g.
#                     -Dperfwatch.profiling.enabled=false (repeatable): compares settings, not code
#   --head-jvm ARG    the same for the head suite
#   --out DIR         where the rounds, verdicts and diffs go (bench/results/regression)
#   -h, --help        this text
# Exit: 0 pass or improvement, 1 regression (in any repetition), 2 bad input.
set -euo pipefail

usage() { header_usage; }

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

rounds=6
repeat=1
warmup=30s
duration=15s
concurrency=4
port_base=18300
out=bench/results/regression
refs=()
base_jvm=()
head_jvm=()
while [[ $# -gt 0 ]]; do
	case "$1" in
		--rounds) rounds="$2"; shift 2 ;;
		--repeat) repeat="$2"; shift 2 ;;
		--warmup) warmup="$2"; shift 2 ;;
		--duration) duration="$2"; shift 2 ;;
		--concurrency) concurrency="$2"; shift 2 ;;
		--port-base) port_base="$2"; shift 2 ;;
		--base-jvm) base_jvm+=("$2"); shift 2 ;;
		--head-jvm) head_jvm+=("$2"); shift 2 ;;
		--out) out="$2"; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		-*) unknown_option "$1" ;;
		*) refs+=("$1"); shift ;;
	esac
done
if ((${#refs[@]} < 1 || ${#refs[@]} > 2)); then
	printf '%s: one or two revisions expected: BASE_REF [HEAD_REF]\n' "${0##*/}" >&2
	exit 2
fi
if ! [[ $rounds =~ ^[0-9]+$ ]] || ((rounds < 2)); then
	echo "${0##*/}: --rounds must be 2 or more" >&2
	exit 2
fi
[[ $repeat =~ ^[1-9][0-9]*$ ]] || { echo "${0##*/}: --repeat must be a positive integer" >&2; exit 2; }
base_ref="${refs[0]}"
head_ref="${refs[1]:-HEAD}"
for ref in "$base_ref" "$head_ref"; do
	git -C "$root" rev-parse --verify --quiet "$ref^{commit}" >/dev/null \
		|| { echo "${0##*/}: not a revision of this repository: $ref" >&2; exit 2; }
done

cd "$root"
work="$(mktemp -d)"
# shellcheck disable=SC2317 # run by the EXIT trap
remove_work_trees() {
	cleanup
	git -C "$root" worktree prune
}
stop_on_exit
trap remove_work_trees EXIT

# The comparison tools come from this checkout, so both sides are judged by the same code.
build_jars load-generator profiles-cli
loadgen_jar="$root/load-generator/target/load-generator.jar"
profiles_jar="$root/profiles-cli/target/profiles.jar"

# checkout SIDE REF: REF built in a work tree of its own, $work/SIDE.
checkout() {
	log "building $1: $2 ($(git -C "$root" rev-parse --short "$2"))"
	git -C "$root" worktree add --quiet --detach "$work/$1" "$2"
	(cd "$work/$1" && ./mvnw -q -B -DskipTests \
		-pl observability,frontend-service,api-gateway-service,auth-service,data-service -am package)
}
checkout base "$base_ref"
checkout head "$head_ref"

declare -A port=([base]="$port_base" [head]=$((port_base + 100)))
zipkin_port=$((port_base + 10))
require_free_port "$zipkin_port" Zipkin
for side in base head; do
	for name in "${suite_services[@]}"; do
		require_free_port $((port[$side] + suite_port_offset[$name])) "$side $name"
	done
done
bench_zipkin "$zipkin_port"
for side in base head; do
	mkdir -p "$work/logs-$side"
	if [[ $side == base ]]; then jvm=("${base_jvm[@]}"); else jvm=("${head_jvm[@]}"); fi
	# Both sides profile themselves the same way: windows back to back at the continuous mode's
	# sampling rates, so each round has windows to compare.
	root="$work/$side" PERFWATCH_PROFILING=on PERFWATCH_PROFILES_DIR="$work/profiles-$side" \
		PERFWATCH_PROFILING_PERIOD=11s PERFWATCH_PROFILING_WINDOW=10s \
		start_services "${port[$side]}" "$zipkin_port" "$work/logs-$side" -Xmx256m "${jvm[@]}"
done
for side in base head; do
	wait_services "${port[$side]}"
done

declare -A pids
for side in base head; do
	for name in "${suite_services[@]}"; do
		pids[$side/$name]=$(pid_on_port $((port[$side] + suite_port_offset[$name])))
	done
done
ticks_per_second=$(getconf CLK_TCK)

# round SIDE FILE_PREFIX: one measured round on SIDE; its report in FILE_PREFIX.json, its CPU per
# request per service appended to FILE_PREFIX.cpu as a JSON object.
round() {
	local side="$1" prefix="$2" name before=() after=() i=0 completed
	for name in "${suite_services[@]}"; do before+=("$(cpu_ticks "${pids[$side/$name]}")"); done
	run_loadgen "http://127.0.0.1:${port[$side]}/" --concurrency "$concurrency" --duration "$duration" \
		--warmup 0s --slowest 1 --out "$prefix.json" >/dev/null
	for name in "${suite_services[@]}"; do after+=("$(cpu_ticks "${pids[$side/$name]}")"); done
	completed=$(json_field "$prefix.json" requests sent)
	{
		printf '{'
		for name in "${suite_services[@]}"; do
			if ((i > 0)); then printf ', '; fi
			awk -v n="$name" -v b="${before[$i]}" -v a="${after[$i]}" -v c="$completed" -v hz="$ticks_per_second" \
				'BEGIN { printf "\"%s\": %.3f", n, (c > 0) ? (a - b) * 1000 / hz / c : 0 }'
			i=$((i + 1))
		done
		printf '}\n'
	} >"$prefix.cpu"
}

# cpu_rounds SIDE DIR: the rounds' CPU objects of SIDE in DIR as compare's --cpu-* file.
cpu_rounds() {
	local file first=true
	printf '{"rounds": ['
	for file in "$2/$1"-*.cpu; do
		[[ $first == true ]] || printf ', '
		first=false
		tr -d '\n' <"$file"
	done
	printf ']}\n'
}

log "warming up both suites for $warmup each"
for side in base head; do
	run_loadgen "http://127.0.0.1:${port[$side]}/" --concurrency "$concurrency" --duration "$warmup" >/dev/null
done

mkdir -p "$out"
out="$(cd "$out" && pwd)"
verdict=0
# The diffs read only the windows of the measured rounds, not the warmup's JIT compilation.
rounds_started=$SECONDS
for ((r = 1; r <= repeat; r++)); do
	dir="$out/repeat-$r"
	rm -rf "$dir"
	mkdir -p "$dir"
	for ((i = 1; i <= rounds; i++)); do
		order=(base head)
		if ((i % 2 == 0)); then order=(head base); fi
		for side in "${order[@]}"; do
			log "repetition $r/$repeat, round $i/$rounds: $side"
			round "$side" "$dir/$side-$i"
		done
	done
	cpu_rounds base "$dir" >"$dir/cpu-base.json"
	cpu_rounds head "$dir" >"$dir/cpu-head.json"
	arguments=()
	for ((i = 1; i <= rounds; i++)); do arguments+=(--base "$dir/base-$i.json" --head "$dir/head-$i.json"); done
	status=0
	"$java_bin" -jar "$loadgen_jar" compare --paired "${arguments[@]}" --cpu-base "$dir/cpu-base.json" \
		--cpu-head "$dir/cpu-head.json" --json "$dir/verdict.json" | tee "$dir/verdict.txt" || status=$?
	if ((status == 2)); then exit 2; fi
	if ((status == 1)); then verdict=1; fi
done

log "where the CPU went: frames whose share grew most from $base_ref to $head_ref, per service"
for name in "${suite_services[@]}"; do
	"$java_bin" -jar "$profiles_jar" --diff --base-dir "$work/profiles-base" --dir "$work/profiles-head" \
		--service "$name" --type cpu --top 5 --since "$((SECONDS - rounds_started + 1))s" --html "$out/diff-$name.html" | tee "$out/diff-$name.txt" || true
done
exit "$verdict"
