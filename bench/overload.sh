#!/usr/bin/env bash
# Overload: what users get when more requests arrive than the suite can serve. Starts the suite
# twice on 127.0.0.1, with load shedding on (the default) and off (PERFWATCH_OVERLOAD_SHEDDING=off),
# measures saturation with a closed-model load, then sends open-model loads at 1x and 2x that rate
# through the frontend and reports, for each: the rate answered 200, the share of 5xx answers (with
# shedding on, the 503s it sheds; with it off, the 502s and 504s of calls that ran out of time), and
# the latency of all answers from each request's intended start (coordinated-omission corrected).
# Takes about 4 minutes with the defaults.
set -euo pipefail

usage() {
	cat <<USAGE
usage: bench/overload.sh [--no-build] [--port-base 18180] [--warmup 30s] [--duration 20s]
                         [--out bench/results/overload.txt]
  --port-base   frontend port of the first suite; gateway, auth and data get the next three,
                Zipkin port-base+10; the second suite uses port-base+100 and up
  --warmup      unmeasured closed-model load (concurrency 8) on each suite before its figures
  --duration    length of each measured open-model run
USAGE
}

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

build=true
port_base=18180
warmup=30s
duration=20s
out=bench/results/overload.txt
while [[ $# -gt 0 ]]; do
	case "$1" in
		--no-build) build=false; shift ;;
		--port-base) port_base="$2"; shift 2 ;;
		--warmup) warmup="$2"; shift 2 ;;
		--duration) duration="$2"; shift 2 ;;
		--out) out="$2"; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		*) unknown_option "$1" ;;
	esac
done

cd "$root"
work="$(mktemp -d)"
stop_on_exit

if [[ "$build" == true ]]; then
	build_suite_jars
fi
rows=()

# measure SHEDDING BASE: one suite, its saturation, then 1x and 2x of it.
measure() {
	local shedding="$1" base="$2" url rate saturation fraction f sent shed
	url="http://127.0.0.1:$base/"
	echo "suite with load shedding $shedding on port $base..." >&2
	bench_zipkin $((base + 10))
	PERFWATCH_OVERLOAD_SHEDDING="$shedding" start_services "$base" $((base + 10)) "$work" -Xmx256m
	wait_services "$base"
	loadgen() { run_loadgen "$url" --slowest 1 "$@"; }
	loadgen --concurrency 8 --duration "$warmup" >"$work/warmup-$shedding.txt"
	loadgen --concurrency 32 --duration 10s --warmup 3s --out "$work/closed-$shedding.json" >/dev/null
	saturation=$(json_field "$work/closed-$shedding.json" rate achieved)
	for fraction in 100 200; do
		rate=$(awk -v s="$saturation" -v f="$fraction" 'BEGIN { printf "%.1f", s * f / 100 }')
		echo "  open model at $fraction% of $saturation req/s = $rate req/s for $duration..." >&2
		f="$work/open-$shedding-$fraction.json"
		# Up to 1,000 requests in flight, so the generator never limits what the suite sees; its
		# own 10 s timeout counts as a failure, as a user giving up would.
		loadgen --rate "$rate" --concurrency 1000 --timeout 10s --warmup 5s --duration "$duration" --out "$f" >/dev/null || true
		sent=$(json_field "$f" requests sent)
		shed=$(json_field "$f" by_status_class 5xx)
		rows+=("$(printf '  %-9s %-6s %-8s %-9s %-8s %-8s %-8s %-8s %-8s %-8s %-7s %s' "$shedding" "$fraction%" \
			"$rate" "$(json_field "$f" rate achieved)" \
			"$(awk -v a="$(json_field "$f" rate achieved)" -v s="${shed:-0}" -v n="$sent" \
				'BEGIN { printf "%.1f", (n > 0) ? a * (1 - s / n) : 0 }')" \
			"$(awk -v s="${shed:-0}" -v n="$sent" 'BEGIN { printf "%.1f%%", (n > 0) ? 100 * s / n : 0 }')" \
			"$(json_field "$f" latency_ms p50)" "$(json_field "$f" latency_ms p90)" "$(json_field "$f" latency_ms p99)" \
			"$(json_field "$f" latency_ms max)" "$(json_field "$f" errors total)" "$(json_field "$f" requests sent)")")
	done
	# The next suite has the machine to itself.
	stop_started
}

measure on "$port_base"
measure off $((port_base + 100))

mkdir -p "$(dirname "$out")"
{
	echo "# Overload, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "# $(nproc) CPUs, $(java_version_line); tracing 100 % to Zipkin; each suite alone on the machine"
	echo "# saturation = closed model at concurrency 32; then open model at 1x and 2x of it, $duration after 5 s warmup"
	echo "# latency in ms of all answers (200 and 503), from each request's intended start"
	echo "  shedding  load   req/s    achieved  ok/s     5xx      p50      p90      p99      max      errors  sent"
	printf '%s\n' "${rows[@]}"
	echo "achieved = answers per second, whatever their status; ok/s = those not 5xx; errors = 5xx plus requests the"
	echo "generator gave up on after 10 s. Shedding on: the 5xx are its 503s; off: 502/504 of calls that ran out of time"
} | tee "$out"
