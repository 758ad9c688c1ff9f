#!/usr/bin/env bash
# Cold start and memory of each service, started alone: milliseconds from launching the JVM to
# the first 200 from /actuator/health/readiness, and resident memory after 200 requests. Runs each
# service --runs times with the default java, and, when a JDK 25 is found, also with an AOT cache
# (JEP 483/514) trained on one start of the extracted jar. Takes about 3 minutes.
set -euo pipefail

usage() {
	cat <<USAGE
usage: bench/startup.sh [--no-build] [--runs 3] [--jdk25 DIR] [--out bench/results/startup.txt]
  --jdk25  a JDK 25 home for the AOT-cache variant (default /usr/lib/jvm/temurin-25-jdk-amd64)
USAGE
}

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=scripts/lib.sh
source "$root/scripts/lib.sh"

build=true
runs=3
jdk25=/usr/lib/jvm/temurin-25-jdk-amd64
out=bench/results/startup.txt
while [[ $# -gt 0 ]]; do
	case "$1" in
		--no-build) build=false; shift ;;
		--runs) runs="$2"; shift 2 ;;
		--jdk25) jdk25="$2"; shift 2 ;;
		--out) out="$2"; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		*) unknown_option "$1" ;;
	esac
done

cd "$root"
services=(frontend-service api-gateway-service auth-service data-service)
port=18590
work="$(mktemp -d)"
stop_on_exit

if [[ "$build" == true ]]; then
	build_jars "${services[@]}"
fi

now_ms() { date +%s%3N; }

# measure LABEL JAVA ARGS...: one start; prints "startup_ms rss_mib".
measure() {
	local java="$1"; shift
	local start ready pid
	# measure runs in a command substitution, a subshell that the script's exit trap does not cover.
	trap stop_started EXIT
	start=$(now_ms)
	PORT=$port PERFWATCH_PROFILING=off MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED=false \
		start_logged "$work/service.log" "$java" -Xmx256m "$@"
	pid="${started_pids[-1]}"
	wait_url "http://127.0.0.1:$port/actuator/health/readiness" 60 0.02
	ready=$(now_ms)
	for _ in $(seq 200); do curl -s -o /dev/null "http://127.0.0.1:$port/health"; done
	local rss
	rss=$(awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$pid/status")
	stop_started
	echo "$((ready - start)) $rss"
}

# series SERVICE VARIANT JAVA ARGS...: --runs starts; prints the median startup and the largest RSS.
series() {
	local service="$1" label="$2"; shift 2
	local times=() rss_max=0 result
	for _ in $(seq "$runs"); do
		result=$(measure "$@")
		times+=("${result% *}")
		(( ${result#* } > rss_max )) && rss_max=${result#* }
	done
	local median
	median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
	printf '  %-22s %-34s %-14s %-12s %s\n' "$service" "$label" "$median" "$rss_max" "${times[*]}"
}

rows=()
default_java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
java_version=$("$default_java" -version 2>&1 | head -1 | cut -d'"' -f2)
for service in "${services[@]}"; do
	jar="$service/target/$service.jar"
	echo "$service..." >&2
	rows+=("$(series "$service" "java $java_version, fat jar" "$default_java" -jar "$jar")")
	if [[ -x "$jdk25/bin/java" ]]; then
		extracted="$work/$service"
		"$jdk25/bin/java" -Djarmode=tools -jar "$jar" extract --destination "$extracted" >/dev/null
		PORT=$port PERFWATCH_PROFILING=off MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED=false \
			"$jdk25/bin/java" -Xmx256m -XX:AOTCacheOutput="$extracted/app.aot" -Dspring.context.exit=onRefresh \
			-jar "$extracted/$service.jar" >"$work/train.log" 2>&1
		# The same options as the training run, or the JVM may refuse the cache.
		rows+=("$(series "$service" "java 25, extracted + AOT cache" "$jdk25/bin/java" -XX:AOTCache="$extracted/app.aot" \
			-jar "$extracted/$service.jar")")
	fi
done

mkdir -p "$(dirname "$out")"
{
	echo "# Cold start and memory per service, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "machine: $(nproc) CPUs, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "each service alone, -Xmx256m, span export and profiling off; startup = JVM launch to the first"
	echo "200 from /actuator/health/readiness (median of $runs); RSS after 200 requests (largest of $runs)"
	echo
	echo "  service                variant                            startup ms     RSS MiB      all runs ms"
	printf '%s\n' "${rows[@]}"
} | tee "$out"
