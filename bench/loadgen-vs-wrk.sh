#!/usr/bin/env bash
# Runs wrk and the load generator side by side, in one run, against the same trivial local
# endpoint, and reports the ratio of their maximum sustained rates plus the generator's CPU
# and RSS over time (memory must stay flat).
#
# The endpoint is bench/TrivialHttpServer.java, a Netty server run from source with the
# generator's own Netty jars: python's http.server and the JDK's HttpServer saturate far below
# wrk, and nginx is not installed, so with them the comparison would measure the server.
# It gets one event-loop thread so that, on a 2-core machine, one core is left for the client.
#
# Order: wrk, generator, wrk again; the wrk figure is the mean of its two runs, which evens out
# neighbours that load the machine during the run.
set -euo pipefail

usage() {
	cat <<USAGE
usage: bench/loadgen-vs-wrk.sh [--duration 120s] [--wrk-duration 20s] [--connections 32]
                               [--port 18010] [--out bench/results/loadgen-vs-wrk.txt] [--no-build]
  --duration      how long the generator runs (memory is sampled every 5 s)
  --wrk-duration  how long each of the two wrk runs lasts
  LOADGEN_JAVA_OPTS (env) JVM options for the generator, default: -Xmx256m
USAGE
}

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=scripts/lib.sh
source "$root/scripts/lib.sh"

duration=120s
wrk_duration=20s
connections=32
port=18010
out=bench/results/loadgen-vs-wrk.txt
build=true
while [[ $# -gt 0 ]]; do
	case "$1" in
		--duration) duration="$2"; shift 2 ;;
		--wrk-duration) wrk_duration="$2"; shift 2 ;;
		--connections) connections="$2"; shift 2 ;;
		--port) port="$2"; shift 2 ;;
		--out) out="$2"; shift 2 ;;
		--no-build) build=false; shift ;;
		-h|--help) usage; exit 0 ;;
		*) unknown_option "$1" ;;
	esac
done

cd "$root"
jar=load-generator/target/load-generator.jar
java_opts=${LOADGEN_JAVA_OPTS:--Xmx256m}
work="$(mktemp -d)"
stop_on_exit

require_command wrk "apt-get install wrk"
if [[ "$build" == true ]]; then
	build_jars load-generator
fi
./mvnw -q -B -pl load-generator dependency:build-classpath -Dmdep.includeScope=runtime \
	-Dmdep.outputFile="$work/classpath.txt" >/dev/null

start_logged "$work/server.log" "$java_bin" -cp "$(cat "$work/classpath.txt")" bench/TrivialHttpServer.java "$port" 1
url="http://127.0.0.1:$port/"
wait_url "$url" 60

clk_tck=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

run_wrk() {
	local label="$1"
	/usr/bin/time -f "%U %S %M" -o "$work/wrk-$label.time" \
		wrk -t2 -c"$connections" -d"$wrk_duration" "$url" >"$work/wrk-$label.txt"
	awk '/Requests\/sec/ {print $2}' "$work/wrk-$label.txt"
}

echo "warming the server up (5 s of wrk)..." >&2
wrk -t2 -c"$connections" -d5s "$url" >/dev/null
echo "wrk run 1 ($wrk_duration)..." >&2
wrk_before=$(run_wrk before)

echo "load generator ($duration, 10 s warmup)..." >&2
# shellcheck disable=SC2086  # java_opts holds several options on purpose
"$java_bin" $java_opts -jar "$jar" --concurrency "$connections" --duration "$duration" --warmup 10s \
	--progress off --slowest 0 --out "$work/generator.json" "$url" >"$work/generator.txt" 2>&1 &
gen_pid=$!
start_ticks=0
start_time=0
samples=()
while kill -0 "$gen_pid" 2>/dev/null; do
	sleep 5
	if ! kill -0 "$gen_pid" 2>/dev/null; then break; fi
	now_ticks=$(cpu_ticks "$gen_pid" 2>/dev/null) || break
	elapsed=$((SECONDS))
	if (( start_time == 0 )); then
		# The first sample (after 5 s, inside the warmup) is the start of the CPU window.
		start_ticks=$now_ticks
		start_time=$elapsed
	else
		last_ticks=$now_ticks
		last_time=$elapsed
	fi
	samples+=("$(rss_mib "$gen_pid" 2>/dev/null || echo "?")")
done
wait "$gen_pid" || { cat "$work/generator.txt" >&2; exit 1; }
gen_rate=$(sed -n 's/.*"achieved" : \([0-9.]*\).*/\1/p' "$work/generator.json" | head -1)
gen_cpu=$(awk -v a="$start_ticks" -v b="${last_ticks:-0}" -v t0="$start_time" -v t1="${last_time:-1}" -v hz="$clk_tck" \
	'BEGIN { if (t1 > t0) printf "%.2f", (b - a) / hz / (t1 - t0); else print "n/a" }')

echo "wrk run 2 ($wrk_duration)..." >&2
wrk_after=$(run_wrk after)

wrk_mean=$(awk -v a="$wrk_before" -v b="$wrk_after" 'BEGIN { printf "%.0f", (a + b) / 2 }')
ratio=$(awk -v g="$gen_rate" -v w="$wrk_mean" 'BEGIN { printf "%.2f", g / w }')
wrk_cpu=$(awk '{ printf "%.2f", ($1 + $2) }' "$work/wrk-before.time")
wrk_seconds=$(awk -v d="$wrk_duration" 'BEGIN { sub(/s$/, "", d); print d }')
rss_first=${samples[1]:-?}
rss_last=${samples[${#samples[@]}-1]:-?}
rss_max=$(printf '%s\n' "${samples[@]}" | sort -n | tail -1)

mkdir -p "$(dirname "$out")"
{
	echo "# load generator vs wrk, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "machine: $(nproc) CPUs, $(uname -sr), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "java: $(java_version_line), generator JVM options: $java_opts"
	echo "endpoint: bench/TrivialHttpServer.java (Netty, 1 event-loop thread) at $url"
	echo "settings: $connections connections; wrk -t2 for $wrk_duration twice; generator closed model for $duration after 10 s warmup"
	echo
	printf '%-28s %s\n' "wrk req/s (run 1, run 2)" "$wrk_before, $wrk_after (mean $wrk_mean)"
	printf '%-28s %s\n' "generator req/s" "$gen_rate"
	printf '%-28s %s\n' "ratio generator / wrk" "$ratio"
	printf '%-28s %s\n' "generator CPU (cores)" "$gen_cpu (mean over the run after the first 5 s)"
	printf '%-28s %s\n' "wrk CPU (cores)" "$(awk -v c="$wrk_cpu" -v s="$wrk_seconds" 'BEGIN { printf "%.2f", c / s }') (run 1)"
	printf '%-28s %s\n' "generator RSS MiB" "first $rss_first, last $rss_last, max $rss_max"
	echo "generator RSS every 5 s (MiB): ${samples[*]}"
	echo
	echo "generator report:"
	sed 's/^/  /' "$work/generator.txt"
} | tee "$out"
