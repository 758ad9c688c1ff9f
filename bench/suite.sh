#!/usr/bin/env bash
# Measures the whole local suite with the load generator:
#   1. saturation throughput: closed-model ramp on the frontend (concurrency 1, 4, 16, 32);
#   2. latency percentiles at 25/50/75% of saturation: open model, coordinated-omission corrected;
#   3. CPU per request for each service (and Zipkin): /proc/<pid>/stat utime+stime before and
#      after each open-model run, divided by the frontend requests sent in it, and the share of the
#      services' CPU their JIT compilers took meanwhile (a suite still compiling is not yet warm).
# By default it builds and starts the four services and a Zipkin server on 127.0.0.1 and stops
# them at the end; --running measures services that already listen on their ports.
# 4. the plumbing share: 1 - (the recipe's own work alone, from bench/floor.sh) / (total CPU per
#    request of the four services and Zipkin).
# The services it starts run as the product does: tracing at 100 % to Zipkin and the continuous
# profiler on (--profiling off to leave it out). Takes about 5 minutes with the defaults.
set -euo pipefail

usage() {
	cat <<USAGE
usage: bench/suite.sh [--running] [--port-base 8080] [--zipkin-port 9411] [--no-build]
                      [--warmup 30s] [--max-warmup 300s] [--profiling on|off] [--levels 1,4,16,32]
                      [--level-duration 10s] [--fractions 25,50,75] [--fraction-duration 20s]
                      [--floor auto|MS] [--profiles-dir DIR] [--out bench/results/suite.txt]
  --running     do not start anything: the frontend, gateway, auth and data services listen on
                port-base .. port-base+3 (and Zipkin on --zipkin-port, if it runs)
  --port-base   frontend port; gateway, auth and data get the next three
  --warmup      unmeasured closed-model load (concurrency 8) before anything is measured, so
                a JIT-compiled suite is measured rather than its first minutes: at least this
                long, then on in steps of the same length until the services' JIT compilers
                took under 3 % of their CPU in the last step, or --max-warmup is reached
  --profiling   whether the started services profile themselves (default on, the continuous
                schedule, windows in a scratch directory)
  --profiles-dir  keep the started services' profile windows in DIR (default: a scratch
                directory, removed at the end), e.g. for bench/plumbing.sh
  --floor       CPU ms per request of the recipe's own work, against which the plumbing share
                is stated; auto (default) measures it first with bench/floor.sh
  SERVICE_JAVA_OPTS (env) JVM options for started services, default: -Xmx256m
USAGE
}

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

running=false
port_base=8080
zipkin_port=9411
build=true
warmup=30s
max_warmup=300s
profiling=on
levels=1,4,16,32
level_duration=10s
fractions=25,50,75
fraction_duration=20s
out=bench/results/suite.txt
floor=auto
profiles_dir=""
while [[ $# -gt 0 ]]; do
	case "$1" in
		--running) running=true; shift ;;
		--port-base) port_base="$2"; shift 2 ;;
		--zipkin-port) zipkin_port="$2"; shift 2 ;;
		--no-build) build=false; shift ;;
		--warmup) warmup="$2"; shift 2 ;;
		--max-warmup) max_warmup="$2"; shift 2 ;;
		--profiling) profiling="$2"; shift 2 ;;
		--levels) levels="$2"; shift 2 ;;
		--level-duration) level_duration="$2"; shift 2 ;;
		--fractions) fractions="$2"; shift 2 ;;
		--fraction-duration) fraction_duration="$2"; shift 2 ;;
		--out) out="$2"; shift 2 ;;
		--floor) floor="$2"; shift 2 ;;
		--profiles-dir) profiles_dir="$(realpath -m "$2")"; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		*) unknown_option "$1" ;;
	esac
done

case "$profiling" in
	on) profiling_opts=(-Dperfwatch.profiling.enabled=on) ;;
	off) profiling_opts=(-Dperfwatch.profiling.enabled=off) ;;
	*) echo "--profiling takes on or off, not '$profiling'" >&2; exit 2 ;;
esac
seconds_of() { [[ "$1" =~ ^([0-9]+)s$ ]] || { echo "durations are whole seconds, e.g. 30s: not '$1'" >&2; exit 2; }; echo "${BASH_REMATCH[1]}"; }
warmup_step=$(seconds_of "$warmup")
max_warmup_seconds=$(seconds_of "$max_warmup")

cd "$root"
work="$(mktemp -d)"
stop_on_exit
profiles_dir="${profiles_dir:-$work/profiles}"

port_of() { echo $((port_base + $1)); }

if [[ "$floor" == auto ]]; then
	echo "measuring the recipe's own work alone (bench/floor.sh)..." >&2
	floor=$(RESULT="$work/floor.txt" bench/floor.sh | awk '/^floor total/ {print $3}')
fi

if [[ "$running" == false ]]; then
	if [[ "$build" == true ]]; then
		build_suite_jars
	fi
	bench_zipkin "$zipkin_port"
	# shellcheck disable=SC2086  # SERVICE_JAVA_OPTS holds several options on purpose
	start_services "$port_base" "$zipkin_port" "$work" ${SERVICE_JAVA_OPTS:--Xmx256m} "${profiling_opts[@]}" \
		"-Dperfwatch.profiling.dir=$profiles_dir"
fi
pids=()
for i in 0 1 2 3; do
	wait_url "http://127.0.0.1:$(port_of "$i")/health"
	pids+=("$(pid_on_port "$(port_of "$i")")")
done
zipkin_pid="$(pid_on_port "$zipkin_port")"
url="http://127.0.0.1:$(port_of 0)/"
trace_ui="http://127.0.0.1:$zipkin_port/zipkin/traces/"
echo "suite is up: frontend $url" >&2

loadgen() { run_loadgen "$url" --trace-ui "$trace_ui" "$@"; }

# services_ticks FUNCTION: FUNCTION's ticks (cpu_ticks or jit_ticks) summed over the four services.
services_ticks() {
	local total=0 pid
	for pid in "${pids[@]}"; do total=$((total + $("$1" "$pid"))); done
	echo "$total"
}

warmed=0
while :; do
	echo "warming up for ${warmup_step}s..." >&2
	cpu_before=$(services_ticks cpu_ticks)
	jit_before=$(services_ticks jit_ticks)
	loadgen --concurrency 8 --duration "${warmup_step}s" --slowest 1 >"$work/warmup.txt"
	warmed=$((warmed + warmup_step))
	jit_share=$(awk -v c=$(($(services_ticks cpu_ticks) - cpu_before)) -v j=$(($(services_ticks jit_ticks) - jit_before)) \
		'BEGIN { printf "%.1f", (c > 0) ? 100 * j / c : 0 }')
	echo "  the JIT compilers took $jit_share % of the services' CPU" >&2
	if awk -v s="$jit_share" 'BEGIN { exit !(s < 3) }' || ((warmed + warmup_step > max_warmup_seconds)); then
		break
	fi
done

# 1. Saturation: the closed-model rate at each concurrency; saturation is the best of them.
saturation=0
saturation_level=0
ramp_rows=()
IFS=',' read -r -a level_list <<<"$levels"
for level in "${level_list[@]}"; do
	echo "closed model, concurrency $level for $level_duration..." >&2
	loadgen --concurrency "$level" --duration "$level_duration" --warmup 3s --slowest 1 \
		--out "$work/closed-$level.json" >"$work/closed-$level.txt"
	f="$work/closed-$level.json"
	rate=$(json_field "$f" rate achieved)
	ramp_rows+=("$(printf '  %-12s %-15s %-9s %-9s %-9s %s' "$level" "$rate" "$(json_field "$f" latency_ms p50)" \
		"$(json_field "$f" latency_ms p99)" "$(json_field "$f" latency_ms max)" "$(json_field "$f" errors total)")")
	if awk -v r="$rate" -v s="$saturation" 'BEGIN { exit !(r > s) }'; then
		saturation=$rate
		saturation_level=$level
	fi
done

# 2 and 3. Open model at fractions of saturation, with CPU per request per service.
fraction_rows=()
cpu_rows=()
clk_tck=$(getconf CLK_TCK)
IFS=',' read -r -a fraction_list <<<"$fractions"
for fraction in "${fraction_list[@]}"; do
	rate=$(awk -v s="$saturation" -v f="$fraction" 'BEGIN { r = s * f / 100; if (r < 1) r = 1; printf "%.1f", r }')
	echo "open model, $fraction% of saturation = $rate req/s for $fraction_duration..." >&2
	loadgen --rate "$rate" --warmup 5s --slowest 1 --out "$work/open-$fraction.json" --duration "$fraction_duration" \
		>"$work/open-$fraction.txt" &
	gen_pid=$!
	sleep 5  # the warmup: CPU is counted from here
	before=()
	for pid in "${pids[@]}" "$zipkin_pid"; do before+=("$(cpu_ticks "$pid")"); done
	jit_before=$(services_ticks jit_ticks)
	wait "$gen_pid"
	after=()
	for pid in "${pids[@]}" "$zipkin_pid"; do after+=("$(cpu_ticks "$pid")"); done
	jit=$(($(services_ticks jit_ticks) - jit_before))
	f="$work/open-$fraction.json"
	sent=$(json_field "$f" requests sent)
	fraction_rows+=("$(printf '  %-9s %-13s %-10s %-8s %-8s %-8s %-8s %-8s %-7s %s' "$fraction%" "$rate" \
		"$(json_field "$f" rate achieved)" "$(json_field "$f" latency_ms p50)" "$(json_field "$f" latency_ms p90)" \
		"$(json_field "$f" latency_ms p99)" "$(json_field "$f" latency_ms p999)" "$(json_field "$f" latency_ms max)" \
		"$(json_field "$f" errors total)" "$(json_field "$f" requests late_starts)")")
	row=$(printf '  %-9s' "$fraction%")
	total_ticks=0
	for i in 0 1 2 3 4; do
		row+=$(awk -v a="${before[$i]}" -v b="${after[$i]}" -v n="$sent" -v hz="$clk_tck" \
			'BEGIN { if (n > 0 && b > 0) printf " %-12.3f", (b - a) * 1000 / hz / n; else printf " %-12s", "n/a" }')
		total_ticks=$((total_ticks + after[i] - before[i]))
	done
	# The whole chain's CPU per request, Zipkin included, and how much of it is not the recipe's work.
	service_ticks=$((total_ticks - after[4] + before[4]))
	row+=$(awk -v t="$total_ticks" -v n="$sent" -v hz="$clk_tck" -v floor="$floor" -v jit="$jit" -v s="$service_ticks" \
		'BEGIN { if (n > 0) { ms = t * 1000 / hz / n; printf " %-12.3f %-10s %.1f%%", ms, sprintf("%.1f%%", 100 * jit / s), 100 * (1 - floor / ms) } else printf " n/a" }')
	cpu_rows+=("$row")
done

mkdir -p "$(dirname "$out")"
{
	echo "# perfwatch suite benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "machine: $(nproc) CPUs, $(uname -sr), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "java: $(java_version_line); service JVM options: ${SERVICE_JAVA_OPTS:--Xmx256m}" \
		"(the Serial collector unless they name one: scripts/lib.sh); profiling $profiling; tracing 100 % to Zipkin"
	echo "warmup: ${warmed}s of unmeasured closed-model load at concurrency 8 before any figure; in its last" \
		"${warmup_step}s the JIT compilers took $jit_share % of the services' CPU"
	echo "target: $url (frontend -> api-gateway -> auth + data), Zipkin on port $zipkin_port;" \
		"$([[ "$running" == true ]] && echo "already running" || echo "started by this script")"
	echo
	echo "1. saturation: closed model, $level_duration per level after 3 s warmup (latency in ms)"
	echo "  concurrency  achieved req/s  p50       p99       max       errors"
	printf '%s\n' "${ramp_rows[@]}"
	echo "  saturation: $saturation req/s (at concurrency $saturation_level)"
	echo
	echo "2. latency at fractions of saturation: open model, $fraction_duration after 5 s warmup"
	echo "   (ms from each request's intended start, coordinated-omission corrected)"
	echo "  fraction  target req/s  achieved   p50      p90      p99      p99.9    max      errors  late"
	printf '%s\n' "${fraction_rows[@]}"
	echo
	echo "3. CPU per request: ms of CPU time per frontend request, over each open-model run"
	echo "  fraction   frontend     api-gateway  auth         data         zipkin       total        jit        plumbing"
	printf '%s\n' "${cpu_rows[@]}"
	echo "  jit = the services' JIT compiler threads' share of the services' CPU in that run"
	echo "  plumbing = 1 - floor / total, with the recipe's own work measured alone (bench/floor.sh): $floor ms"
} | tee "$out"
