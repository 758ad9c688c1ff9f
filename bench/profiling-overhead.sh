#!/usr/bin/env bash
# What does the profiler cost? Runs bench/side-by-side.sh over stacks that differ only in how they
# profile (all with tracing at 100 % to one Zipkin), the first with profiling off:
#   off      profiling off
#   control  profiling off again: the A/A check, how far two identical stacks differ in one run
#   default  the continuous schedule (a 10 s window every 60 s), no span events
#   spans    the continuous schedule with span events (the perfwatch default)
#   trace    trace mode (10 s windows every 11 s, dense sampling, span events)
# Much of the profiler's cost comes per window, not per request, so at a low rate it weighs more
# per request than at saturation; --concurrency loads the stacks at saturation, the load the 1 %
# goal speaks of (throughput). A round of whole minutes holds exactly one minute's share of the
# default schedule's windows. The idle minutes after the rounds give the profiler's cost per
# second whatever the load (windows starting, sampling, files written); the rest comes with each
# request. The two together give its cost at any rate.
#
# Usage: bench/profiling-overhead.sh [--modes off,control,...] [side-by-side options]
#   --modes          the stacks, comma-separated (default off,control,default,spans,trace; off
#                    first). Three more take the default schedule apart, to see which of its
#                    samplers costs what: no-wall (wall-clock sampling pushed out of the window: one
#                    sample a minute), no-alloc (one allocation sample per GiB: JVMTI takes the
#                    interval as an int, so no more), cpu-only (both); sparse and sparse-spans are
#                    default and spans with a wall sample every 200 ms (not 50) and an allocation
#                    sample per 2 MiB (not 512 KiB); loaded records its first window at start and
#                    none after (a period of a day): the profiler is loaded and idle, what its
#                    presence alone costs; ctimer and itimer sample CPU time with that timer
#                    instead of perf events (default otherwise)
#   every other option goes to bench/side-by-side.sh (--rounds, --round-seconds, --rate or
#   --concurrency, --max-warmup, --solo-warmup, --solo-rate, --idle-seconds; see its --help), with
#   --idle-seconds 180 (three default windows) unless given.
#   Env: BASE_PORT, RESULT (default bench/results/profiling-overhead.txt).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

usage() { header_usage; }

mode_list=off,control,default,spans,trace
passed=(--idle-seconds 180)
while [[ $# -gt 0 ]]; do
	case "$1" in
		--modes) mode_list="$2"; shift 2 ;;
		--rounds|--round-seconds|--rate|--concurrency|--max-warmup|--solo-warmup|--solo-rate|--idle-seconds)
			passed+=("$1" "$2"); shift 2 ;;
		-h|--help) usage; exit 0 ;;
		*) unknown_option "$1" ;;
	esac
done
IFS=, read -r -a modes <<<"$mode_list"
[[ "${modes[0]}" == off ]] || die "--modes must start with off: every other stack is compared with it"

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

stacks=()
for mode in "${modes[@]}"; do
	stacks+=(--stack "$mode=$(profiling_options "$mode")")
done
# side-by-side.sh takes the last of a repeated option: the caller's --idle-seconds wins.
exec "$root/bench/side-by-side.sh" --title "Profiler overhead" "${passed[@]}" "${stacks[@]}" \
	--out "${RESULT:-$root/bench/results/profiling-overhead.txt}"
