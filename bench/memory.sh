#!/usr/bin/env bash
# Memory of each service under load with the container image's JVM flags, on a simulated 512 MiB
# Cloud Run instance (-XX:MaxRAM=512m stands in for the container's memory limit): peak RSS, the
# heap the JVM committed, and what is not heap (metaspace, code cache, thread stacks, GC and
# buffers), to choose -XX:MaxRAMPercentage from. The Cloud Profiler agent is not loaded (it is
# not available here); docs/cloud-profiler.md says what it adds.
# Takes about 2 minutes with the defaults.
set -euo pipefail

usage() {
	cat <<USAGE
usage: bench/memory.sh [--no-build] [--port-base 18280] [--percentage 45] [--duration 60s]
                       [--out bench/results/memory.txt]
  --percentage  -XX:MaxRAMPercentage of the simulated 512 MiB, as the image's entrypoint sets it
  --duration    closed-model load at concurrency 32 through the frontend, after a 30 s warmup
USAGE
}

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

build=true
port_base=18280
percentage=45
duration=60s
out=bench/results/memory.txt
while [[ $# -gt 0 ]]; do
	case "$1" in
		--no-build) build=false; shift ;;
		--port-base) port_base="$2"; shift 2 ;;
		--percentage) percentage="$2"; shift 2 ;;
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
flags=(-XX:MaxRAM=512m "-XX:MaxRAMPercentage=$percentage" -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError)
bench_zipkin $((port_base + 10))
start_services "$port_base" $((port_base + 10)) "$work" "${flags[@]}"
wait_services "$port_base"
url="http://127.0.0.1:$port_base/"
loadgen() { run_loadgen "$url" --slowest 1 "$@"; }
echo "warming up for 30s, then concurrency 32 for $duration..." >&2
loadgen --concurrency 8 --duration 30s >/dev/null
loadgen --concurrency 32 --duration "$duration" --out "$work/load.json" >/dev/null

kib() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }
rows=()
modules=(frontend-service api-gateway-service auth-service data-service)
for i in 0 1 2 3; do
	pid="$(pid_on_port $((port_base + i)))"
	# The heap the JVM has committed, in KiB: the sum of its generations (one line with G1, two
	# with the serial collector a 512 MiB JVM picks), from jcmd.
	committed=$(jcmd "$pid" GC.heap_info | awk '/total/ && !/Metaspace|class space/ {
		for (j = 1; j <= NF; j++) if ($j == "total") { v = $(j + 1); gsub(/[K,]/, "", v); t += v } } END { print t }')
	max_heap=$(jcmd "$pid" VM.flags | tr ' ' '\n' | sed -n 's/^-XX:MaxHeapSize=//p')
	rss=$(kib "$pid" VmRSS)
	hwm=$(kib "$pid" VmHWM)
	rows+=("$(awk -v m="${modules[$i]}" -v r="$rss" -v h="$hwm" -v c="$committed" -v x="$max_heap" \
		'BEGIN { printf "  %-20s %10.0f %10.0f %12.0f %10.0f %12.0f %14.0f", m, r/1024, h/1024, c/1024, x/1048576, (h-c)/1024, x/1048576 + (h-c)/1024 }')")
done

mkdir -p "$(dirname "$out")"
{
	echo "# Memory under load, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "# $(nproc) CPUs, $(java_version_line); JVM flags: ${flags[*]}; tracing 100 % to Zipkin"
	echo "# load: 30 s warmup, then closed model at concurrency 32 for $duration through the frontend:" \
		"$(json_field "$work/load.json" rate achieved) req/s, $(json_field "$work/load.json" errors total) errors"
	echo "  all MiB              RSS now   RSS peak  heap commit   max heap  peak non-heap  max heap + non-heap"
	printf '%s\n' "${rows[@]}"
	echo "non-heap = peak RSS - committed heap at the end; the last column is what an instance needs if the heap grows to its max"
} | tee "$out"
