#!/usr/bin/env bash
# Sizing for Cloud Run from measured usage: starts the suite on 127.0.0.1 with the container image's
# JVM flags on a simulated 512 MiB instance, times each service's start to ready, warms it up, then
# runs a stepped open-model load through the frontend (load-generator --rate A,B,C --step D). At
# every step boundary it samples each service's CPU time (/proc/PID/stat), resident set
# (/proc/PID/status) and request count and time (/actuator/prometheus, actuator calls left out),
# which give per step and service the CPU per request, RSS and mean requests in flight (Little's
# law: request time served over the step's length). It writes them to a measurements file and runs
# `load-generator size` on it: the recommendation per service (--cpu, --memory, --concurrency,
# --min-instances, --max-instances) for --target req/s and the p99 objective of the latency SLO in
# monitoring/cloud/slos, with the monthly cost under both billing settings.
# Results: bench/results/sizing.txt (the table, with the machine's load average), sizing.json,
# sizing.env (for deploy/deploy.sh --sizing) and sizing-measurements.json.
# Takes about 4 minutes with the defaults (after the optional wait for a quiet machine).
set -euo pipefail
export LC_ALL=C

usage() {
	cat <<USAGE
usage: bench/sizing.sh [--no-build] [--port-base 18380] [--rates 25,50,100,150,200,250,300,400]
                       [--step-seconds 20] [--warmup-seconds 30] [--target 100] [--max-load 3.0]
                       [--load-wait-minutes 15] [--out-dir bench/results]
  --rates              offered rates of the steps, requests per second at the frontend
  --step-seconds       length of each step
  --warmup-seconds     unmeasured closed-model load (concurrency 8) before the steps, for the JIT
  --target             rate to size for, requests per second at the frontend
  --max-load           wait until the 1-minute load average is below this before starting,
  --load-wait-minutes  polling every 30 s for at most this long (then it runs anyway, and says so)
  SERVICE_JAVA_OPTS (env) JVM options of the services, default: the image's on a 512 MiB instance,
                      -XX:MaxRAM=512m -XX:MaxRAMPercentage=45 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError
USAGE
}

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

build=true
port_base=18380
rates=25,50,100,150,200,250,300,400
step_seconds=20
warmup_seconds=30
target=100
max_load=3.0
load_wait_minutes=15
out_dir=bench/results
while [[ $# -gt 0 ]]; do
	case "$1" in
		--no-build) build=false; shift ;;
		--port-base) port_base="$2"; shift 2 ;;
		--rates) rates="$2"; shift 2 ;;
		--step-seconds) step_seconds="$2"; shift 2 ;;
		--warmup-seconds) warmup_seconds="$2"; shift 2 ;;
		--target) target="$2"; shift 2 ;;
		--max-load) max_load="$2"; shift 2 ;;
		--load-wait-minutes) load_wait_minutes="$2"; shift 2 ;;
		--out-dir) out_dir="$2"; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		*) unknown_option "$1" ;;
	esac
done
[[ "$rates" =~ ^[0-9]+(\.[0-9]+)?(,[0-9]+(\.[0-9]+)?)*$ ]] || die "--rates takes numbers separated by commas, got '$rates'"
for value in "$step_seconds" "$warmup_seconds" "$load_wait_minutes"; do
	[[ "$value" =~ ^[0-9]+$ ]] || die "--step-seconds, --warmup-seconds and --load-wait-minutes take whole numbers, got '$value'"
done
((step_seconds > 0)) || die "--step-seconds must be more than 0"

cd "$root"
work="$(mktemp -d)"
stop_on_exit
read -r -a java_opts <<<"${SERVICE_JAVA_OPTS:--XX:MaxRAM=512m -XX:MaxRAMPercentage=45 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}"
IFS=',' read -r -a rate_list <<<"$rates"
loadgen_warmup=5
clk_tck=$(getconf CLK_TCK)

load_now() { cut -d' ' -f1 /proc/loadavg; }

# Other work on the machine shows up as latency here: wait for a quiet moment, for a bounded time.
waited=0
while awk -v l="$(load_now)" -v m="$max_load" 'BEGIN { exit !(l >= m) }' && ((waited < load_wait_minutes * 60)); do
	echo "load average $(load_now) >= $max_load: waiting (${waited}s of $((load_wait_minutes * 60))s)..." >&2
	sleep 30
	waited=$((waited + 30))
done
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

if [[ "$build" == true ]]; then
	build_suite_jars
fi
# Zipkin's jar from the local Maven repository when it is there, so no Maven runs during the benchmark.
zipkin_cached="$HOME/.m2/repository/io/zipkin/zipkin-server/$(zipkin_version)/zipkin-server-$(zipkin_version)-exec.jar"
if [[ -f "$zipkin_cached" ]]; then cp "$zipkin_cached" "$work/"; fi
echo "starting Zipkin and the suite on ports $port_base-$((port_base + 3))..." >&2
bench_zipkin $((port_base + 10))
started=$EPOCHREALTIME
start_services "$port_base" $((port_base + 10)) "$work" "${java_opts[@]}"

port_of() { echo $((port_base + suite_port_offset[$1])); }
# Reported from the entry point inwards.
services=(frontend-service api-gateway-service auth-service data-service)

# Start to ready for each service, the four starting together (as a fresh Cloud Run deploy does,
# but sharing this machine's cores). Polled every 0.2 s for at most 180 s.
declare -A startup=()
deadline=$((SECONDS + 180))
while ((${#startup[@]} < ${#suite_services[@]})); do
	for name in "${suite_services[@]}"; do
		[[ -z "${startup[$name]:-}" ]] || continue
		if curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$(port_of "$name")/actuator/health/readiness"; then
			startup[$name]=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
		fi
	done
	for pid in "${started_pids[@]}"; do
		kill -0 "$pid" 2>/dev/null || die "a process started here has exited; logs in $work"
	done
	((SECONDS < deadline)) || die "the suite was not ready within 180 s; logs in $work"
	sleep 0.2
done
declare -A pids=()
for name in "${suite_services[@]}"; do
	pids[$name]="$(pid_on_port "$(port_of "$name")")"
	[[ -n "${pids[$name]}" ]] || die "no process listens on port $(port_of "$name") ($name)"
done
url="http://127.0.0.1:$port_base/"

echo "warming up for ${warmup_seconds}s..." >&2
run_loadgen "$url" --slowest 1 --concurrency 8 --duration "${warmup_seconds}s" >"$work/warmup.txt"

kib() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }

# Requests served and the seconds they took, actuator calls (these scrapes among them) left out.
served() {
	curl -fs --max-time 5 "http://127.0.0.1:$1/actuator/prometheus" | awk '
		/^http_server_requests_seconds_(count|sum)\{/ && !/uri="\/actuator/ {
			if ($1 ~ /_count\{/) count += $NF; else sum += $NF
		}
		END { printf "%.0f %.6f\n", count, sum }'
}

# sample N: one line per service: N, name, time, CPU ticks, RSS KiB, peak RSS KiB, requests, seconds.
sample() {
	local name
	for name in "${services[@]}"; do
		printf '%s %s %s %s %s %s %s\n' "$1" "$name" "$EPOCHREALTIME" "$(cpu_ticks "${pids[$name]}")" \
			"$(kib "${pids[$name]}" VmRSS)" "$(kib "${pids[$name]}" VmHWM)" "$(served "$(port_of "$name")")" \
			>>"$work/samples.txt"
	done
}

sleep_until() {
	sleep "$(awk -v t="$1" -v n="$EPOCHREALTIME" 'BEGIN { d = t - n; printf "%.3f", (d > 0) ? d : 0 }')"
}

echo "stepped open model: $rates req/s, ${step_seconds}s each, after ${loadgen_warmup}s at the first rate..." >&2
# The shedding limit (32 in flight per service) answers 503 beyond it at once: those count as
# errors, so a step past the knee misses the error budget rather than running into timeouts.
run_loadgen "$url" --slowest 1 --rate "$rates" --step "${step_seconds}s" --warmup "${loadgen_warmup}s" \
	--timeout 10s --out "$work/steps.json" >"$work/steps.txt" &
gen_pid=$!
# The run starts when the generator says so (after its reachability check): steps are timed from there.
deadline=$((SECONDS + 30))
until grep -q '^load-generator: ' "$work/steps.txt"; do
	kill -0 "$gen_pid" 2>/dev/null || die "the load generator ended early: $(cat "$work/steps.txt")"
	((SECONDS < deadline)) || die "the load generator did not start within 30 s"
	sleep 0.05
done
t0=$(awk -v n="$EPOCHREALTIME" -v w="$loadgen_warmup" 'BEGIN { printf "%.6f", n + w }')
sleep_until "$t0"
sample 0
for i in "${!rate_list[@]}"; do
	sleep_until "$(awk -v t="$t0" -v s="$step_seconds" -v k="$((i + 1))" 'BEGIN { printf "%.6f", t + k * s }')"
	sample $((i + 1))
done
wait "$gen_pid" || true
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# Per step and service, from consecutive samples of that service.
awk -v hz="$clk_tck" '
	{ t[$1, $2] = $3; cpu[$1, $2] = $4; rss[$1, $2] = $5; hwm[$1, $2] = $6; n[$1, $2] = $7; s[$1, $2] = $8
	  if (!($2 in seen)) { seen[$2] = 1; order[++names] = $2 } if ($1 > last) last = $1 }
	END {
		for (k = 1; k <= last; k++) {
			line = ""
			for (j = 1; j <= names; j++) {
				name = order[j]; dt = t[k, name] - t[k - 1, name]; dn = n[k, name] - n[k - 1, name]
				line = line sprintf("%s\"%s\": { \"requests_per_second\": %.3f, \"cpu_ms_per_request\": %.3f, \"rss_mib\": %.1f, \"peak_rss_mib\": %.1f, \"in_flight\": %.3f }",
					(j > 1) ? ", " : "", name, dn / dt, (dn > 0) ? (cpu[k, name] - cpu[k - 1, name]) * 1000 / hz / dn : 0,
					rss[k, name] / 1024, hwm[k, name] / 1024, (s[k, name] - s[k - 1, name]) / dt)
			}
			print line
		}
	}' "$work/samples.txt" >"$work/services.txt"
mapfile -t service_steps <"$work/services.txt"

declare -A report=()
while IFS=$'\t' read -r key value; do report[$key]=$value; done < <(json_flat "$work/steps.json")

mkdir -p "$out_dir"
measurements="$out_dir/sizing-measurements.json"
{
	printf '{\n  "schema_version": 1,\n  "measured_at": "%s",\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
	printf '  "environment": "%s CPUs, %s, load average %s before and %s after; services: %s; tracing 100 %% to Zipkin",\n' \
		"$(nproc)" "$(java_version_line | tr -d '"')" "$load_before" "$load_after" "${java_opts[*]}"
	printf '  "startup_seconds": { '
	sep=""
	for name in "${services[@]}"; do printf '%s"%s": %s' "$sep" "$name" "${startup[$name]}"; sep=", "; done
	printf ' },\n  "steps": [\n'
	for i in "${!rate_list[@]}"; do
		comma=","
		((i + 1 < ${#rate_list[@]})) || comma=""
		printf '    { "rate_target": %s, "rate_achieved": %s, "sent": %s, "failed": %s, "p99_ms": %s,\n      "services": { %s } }%s\n' \
			"${report[steps.$i.rate_target]}" "${report[steps.$i.rate_achieved]}" "${report[steps.$i.sent]}" \
			"${report[steps.$i.failed]}" "${report[steps.$i.latency_ms.p99]}" "${service_steps[$i]}" "$comma"
	done
	printf '  ]\n}\n'
} >"$measurements"

# The suite stops before the sizing runs: the recommendation needs no server.
stop_started
rm -f "$out_dir/sizing.env"
{
	echo "# Cloud Run sizing from the local suite, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "# $(nproc) CPUs, $(uname -sr), $(java_version_line)"
	echo "# load average (1, 5, 15 min) before the run: $load_before; at its end: $load_after" \
		"$( ((waited > 0)) && echo "(waited ${waited}s for the 1-minute figure to fall below $max_load)")"
	echo "# services: ${java_opts[*]}, tracing 100 % to Zipkin, all on this machine"
	echo "# load: ${warmup_seconds}s warmup at concurrency 8, then open model at $rates req/s, ${step_seconds}s each"
	echo "# command: java -jar load-generator/target/load-generator.jar size --rate $target --json $out_dir/sizing.json" \
		"--deploy-env $out_dir/sizing.env $measurements"
	echo
} >"$out_dir/sizing.txt"
status=0
"$java_bin" -jar load-generator/target/load-generator.jar size --rate "$target" --json "$out_dir/sizing.json" \
	--deploy-env "$out_dir/sizing.env" "$measurements" >>"$out_dir/sizing.txt" || status=$?
cat "$out_dir/sizing.txt"
exit "$status"
