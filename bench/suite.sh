#!/usr/bin/env bash
# Measures the whole local suite with the load generator:
#   1. saturation throughput: closed-model ramp on the frontend (concurrency 1, 4, 16, 32);
#   2. latency percentiles at 25/50/75% of saturation: open model, coordinated-omission corrected;
#   3. CPU per request for each service (and Zipkin): /proc/<pid>/stat utime+stime before and
#      after each open-model run, divided by the frontend requests sent in it.
# By default it builds and starts the four services and a Zipkin server on 127.0.0.1 and stops
# them at the end; --running measures services that already listen on their ports.
# Takes about 3 minutes with the defaults.
set -euo pipefail

usage() {
	cat <<USAGE
usage: bench/suite.sh [--running] [--port-base 8080] [--zipkin-port 9411] [--no-build]
                      [--warmup 30s] [--levels 1,4,16,32] [--level-duration 10s] [--fractions 25,50,75]
                      [--fraction-duration 20s] [--out bench/results/suite.txt]
  --running     do not start anything: the frontend, gateway, auth and data services listen on
                port-base .. port-base+3 (and Zipkin on --zipkin-port, if it runs)
  --port-base   frontend port; gateway, auth and data get the next three
  --warmup      unmeasured closed-model load (concurrency 8) before anything is measured, so
                a JIT-compiled suite is measured rather than its first minute
  SERVICE_JAVA_OPTS (env) JVM options for started services, default: -Xmx256m
USAGE
}

running=false
port_base=8080
zipkin_port=9411
build=true
warmup=30s
levels=1,4,16,32
level_duration=10s
fractions=25,50,75
fraction_duration=20s
out=bench/results/suite.txt
while [[ $# -gt 0 ]]; do
	case "$1" in
		--running) running=true; shift ;;
		--port-base) port_base="$2"; shift 2 ;;
		--zipkin-port) zipkin_port="$2"; shift 2 ;;
		--no-build) build=false; shift ;;
		--warmup) warmup="$2"; shift 2 ;;
		--levels) levels="$2"; shift 2 ;;
		--level-duration) level_duration="$2"; shift 2 ;;
		--fractions) fractions="$2"; shift 2 ;;
		--fraction-duration) fraction_duration="$2"; shift 2 ;;
		--out) out="$2"; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		*) usage >&2; exit 2 ;;
	esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
services=(frontend-service api-gateway-service auth-service data-service)
names=(frontend api-gateway auth data)
work="$(mktemp -d)"
started_pids=()
cleanup() {
	for pid in "${started_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	# Whatever has not stopped 15 s after TERM is killed, so the script always ends.
	local deadline=$((SECONDS + 15))
	for pid in "${started_pids[@]}"; do
		while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.2; done
		kill -9 "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	rm -rf "$work"
}
trap cleanup EXIT

port_of() { echo $((port_base + $1)); }
pid_on_port() { ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }
cpu_ticks() { if [[ -n "$1" && -r "/proc/$1/stat" ]]; then awk '{print $14 + $15}' "/proc/$1/stat"; else echo 0; fi; }
wait_healthy() {
	local url="$1" deadline=$((SECONDS + 120))
	until curl -fs "$url" >/dev/null 2>&1; do
		if (( SECONDS > deadline )); then echo "not healthy in time: $url" >&2; exit 1; fi
		sleep 1
	done
}
# json_field FILE SECTION KEY: a number from the generator's --out report.
json_field() {
	awk -v s="\"$2\"" -v k="\"$3\"" '$1 == s { on = 1; next } on && $1 == k { gsub(/[ ,]/, "", $3); print $3; exit } on && /}/ { on = 0 }' "$1"
}

jar=load-generator/target/load-generator.jar
if [[ "$running" == false ]]; then
	if [[ "$build" == true ]]; then
		./mvnw -q -B -DskipTests -pl observability,frontend-service,api-gateway-service,auth-service,data-service,load-generator -am package
	fi
	./mvnw -q -B dependency:copy -Dartifact=io.zipkin:zipkin-server:3.6.1:jar:exec -DoutputDirectory="$work" -N
	# Zipkin keeps 500,000 spans by default, more than 256 MiB of heap holds: at a few hundred
	# requests per second it would then collect garbage all the time, on the services' cores.
	STORAGE_TYPE=mem MEM_MAX_SPANS=50000 java -Xmx256m -jar "$work/zipkin-server-3.6.1-exec.jar" \
		'--armeria.ports[0].ip=127.0.0.1' "--armeria.ports[0].port=$zipkin_port" \
		'--armeria.ports[0].protocols[0]=http' >"$work/zipkin.log" 2>&1 &
	started_pids+=($!)
	java_opts=${SERVICE_JAVA_OPTS:--Xmx256m}
	for i in 3 2 1 0; do
		# shellcheck disable=SC2086  # java_opts holds several options on purpose
		PORT=$(port_of "$i") \
			API_SERVICE_URL="http://127.0.0.1:$(port_of 1)" \
			AUTH_SERVICE_URL="http://127.0.0.1:$(port_of 2)" \
			DATA_SERVICE_URL="http://127.0.0.1:$(port_of 3)" \
			java $java_opts "-Dmanagement.zipkin.tracing.endpoint=http://127.0.0.1:$zipkin_port/api/v2/spans" \
			-jar "${services[$i]}/target/${services[$i]}.jar" >"$work/${names[$i]}.log" 2>&1 &
		started_pids+=($!)
	done
	wait_healthy "http://127.0.0.1:$zipkin_port/health"
fi
pids=()
for i in 0 1 2 3; do
	wait_healthy "http://127.0.0.1:$(port_of "$i")/health"
	pids+=("$(pid_on_port "$(port_of "$i")")")
done
zipkin_pid="$(pid_on_port "$zipkin_port")"
url="http://127.0.0.1:$(port_of 0)/"
trace_ui="http://127.0.0.1:$zipkin_port/zipkin/traces/"
echo "suite is up: frontend $url" >&2

loadgen() { java -Xmx256m -jar "$jar" --progress off --trace-ui "$trace_ui" "$@" "$url"; }

echo "warming up for $warmup..." >&2
loadgen --concurrency 8 --duration "$warmup" --slowest 1 >"$work/warmup.txt"

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
	wait "$gen_pid"
	after=()
	for pid in "${pids[@]}" "$zipkin_pid"; do after+=("$(cpu_ticks "$pid")"); done
	f="$work/open-$fraction.json"
	sent=$(json_field "$f" requests sent)
	fraction_rows+=("$(printf '  %-9s %-13s %-10s %-8s %-8s %-8s %-8s %-8s %-7s %s' "$fraction%" "$rate" \
		"$(json_field "$f" rate achieved)" "$(json_field "$f" latency_ms p50)" "$(json_field "$f" latency_ms p90)" \
		"$(json_field "$f" latency_ms p99)" "$(json_field "$f" latency_ms p999)" "$(json_field "$f" latency_ms max)" \
		"$(json_field "$f" errors total)" "$(json_field "$f" requests late_starts)")")
	row=$(printf '  %-9s' "$fraction%")
	for i in 0 1 2 3 4; do
		row+=$(awk -v a="${before[$i]}" -v b="${after[$i]}" -v n="$sent" -v hz="$clk_tck" \
			'BEGIN { if (n > 0 && b > 0) printf " %-12.3f", (b - a) * 1000 / hz / n; else printf " %-12s", "n/a" }')
	done
	cpu_rows+=("$row")
done

mkdir -p "$(dirname "$out")"
{
	echo "# perfwatch suite benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "machine: $(nproc) CPUs, $(uname -sr), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "java: $(java -version 2>&1 | head -1); service JVM options: ${SERVICE_JAVA_OPTS:--Xmx256m}"
	echo "warmup: $warmup of unmeasured closed-model load at concurrency 8 before any figure"
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
	echo "  fraction   frontend     api-gateway  auth         data         zipkin"
	printf '%s\n' "${cpu_rows[@]}"
} | tee "$out"
