#!/usr/bin/env bash
# Cold start and memory of each service, started alone: milliseconds from launching the JVM to
# the first 200 from /actuator/health/readiness, the first request after that, and resident memory
# after 200 requests. Three forms of each service side by side, --runs times each: the executable
# jar on the default java (17), and the Jib image as users deploy it, run with a local JDK 25 in
# place of the image's JRE: its layers (target/image-test/image.tar, the image the tests check)
# extracted into a folder, /app rewritten to that folder, its entrypoint (launch.sh and the JVM
# flags) run as is, on a simulated 512 MiB instance (-XX:MaxRAM=512m), once as Jib pushes it (no
# AOT cache) and once with the AOT cache that cloudbuild.yaml's aot-cache step adds, trained the
# same way (launch.sh with PERFWATCH_AOT_TRAINING). --candidates adds what the image does not
# ship, on top of its AOT cache: lazy bean initialisation, and C1 only (-XX:TieredStopAtLevel=1).
# Takes about 5 minutes on a quiet machine, 9 with --candidates.
set -euo pipefail

usage() {
	cat <<USAGE
usage: bench/startup.sh [--no-build] [--runs 3] [--jdk25 DIR] [--candidates] [--out bench/results/startup.txt]
  --no-build  reuse the jars and image tarballs in */target (./mvnw verify builds both)
  --jdk25     a JDK 25 home for the image variants (default /usr/lib/jvm/temurin-25-jdk-amd64)
  --candidates  also the image + AOT cache with lazy initialisation, and with C1 only
USAGE
}

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

build=true
runs=3
candidates=false
jdk25=/usr/lib/jvm/temurin-25-jdk-amd64
out=bench/results/startup.txt
while [[ $# -gt 0 ]]; do
	case "$1" in
		--no-build) build=false; shift ;;
		--runs) runs="$2"; shift 2 ;;
		--jdk25) jdk25="$2"; shift 2 ;;
		--candidates) candidates=true; shift ;;
		--out) out="$2"; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		*) unknown_option "$1" ;;
	esac
done

cd "$root"
services=(frontend-service api-gateway-service auth-service data-service)
port=18590
# 512 MiB with 30 % free.
rss_budget=358
stop_on_exit
[[ -x "$jdk25/bin/java" ]] || die "no JDK 25 at $jdk25 (--jdk25 DIR)"
require_command jq

if [[ "$build" == true ]]; then
	# verify builds the image tarball (pre-integration-test); no test runs.
	./mvnw -q -B -pl "$(IFS=,; echo "${services[*]}")" -am verify -Dtest=none -Dit.test=none \
		-Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
fi

now_ms() { date +%s%3N; }

# extract_image SERVICE DIR: the image's layers in DIR with /app pointing into DIR; prints its
# entrypoint, one argument a line, with java replaced by the JDK 25 and a 512 MiB memory limit.
extract_image() {
	local tarball="$1/target/image-test/image.tar" dir="$2" layer config
	mkdir -p "$dir/tar" "$dir/root"
	tar -xf "$tarball" -C "$dir/tar"
	for layer in $(jq -r '.[0].Layers[]' "$dir/tar/manifest.json"); do
		tar -xzf "$dir/tar/$layer" -C "$dir/root" 2>/dev/null
	done
	config=$(jq -r '.[0].Config' "$dir/tar/manifest.json")
	sed -i "s#/app/#$dir/root/app/#g" "$dir/root/app/jib-classpath-file"
	# The Cloud Profiler agent stays at /opt/cprof, absent here, so launch.sh drops it.
	jq -r '.config.Entrypoint[]' "$dir/tar/$config" | sed -e "s#/app/#$dir/root/app/#g" \
		-e "s#^/opt/perfwatch/#$dir/root/opt/perfwatch/#" \
		-e "s#^java\$#$jdk25/bin/java\n-XX:MaxRAM=512m#"
}

# measure COMMAND...: one start; prints "startup_ms first_request_ms rss_mib".
measure() {
	local start ready pid first
	# measure runs in a command substitution, a subshell that the script's exit trap does not cover.
	trap stop_started EXIT
	start=$(now_ms)
	PORT=$port PERFWATCH_PROFILING=off MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED=false CPROF_ENABLED=false \
		start_logged "$work/service.log" "$@"
	pid="${started_pids[-1]}"
	wait_url "http://127.0.0.1:$port/actuator/health/readiness" 60 0.02
	ready=$(now_ms)
	curl -s -o /dev/null "http://127.0.0.1:$port/health"
	first=$(($(now_ms) - ready))
	for _ in $(seq 200); do curl -s -o /dev/null "http://127.0.0.1:$port/health"; done
	local rss
	rss=$(awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$pid/status")
	stop_started
	echo "$((ready - start)) $first $rss"
}

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# start_variant N: one start of the service's Nth variant (labels); prints what measure prints.
start_variant() {
	case "$1" in
		0) measure "$java_bin" -Xmx256m -jar "$service/target/$service.jar" ;;
		1) measure "${untrained[@]}" ;;
		2) measure "${entrypoint[@]}" ;;
		3) measure "${entrypoint[@]:0:4}" -Dspring.main.lazy-initialization=true "${entrypoint[@]:4}" ;;
		4) measure "${entrypoint[@]:0:4}" -XX:TieredStopAtLevel=1 "${entrypoint[@]:4}" ;;
	esac
}

java_version=$(java_version_line | cut -d'"' -f2)
jdk25_version=$("$jdk25/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2)
labels=("java $java_version, fat jar" "java $jdk25_version, image, no cache" "java $jdk25_version, image + AOT cache")
if [[ "$candidates" == true ]]; then labels+=("  + lazy initialisation" "  + C1 only"); fi
rows=()
for service in "${services[@]}"; do
	echo "$service..." >&2
	mapfile -t entrypoint < <(extract_image "$service" "$work/$service")
	cache=$(printf '%s\n' "${entrypoint[@]}" | sed -n 's/^-XX:AOTCache=//p')
	# An image that the aot-cache step has not trained: its cache flag names no file.
	mapfile -t untrained < <(printf '%s\n' "${entrypoint[@]}" | sed "s#^-XX:AOTCache=.*#-XX:AOTCache=$cache.absent#")
	mkdir -p "$(dirname "$cache")"
	PORT=$port PERFWATCH_PROFILING=off MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED=false PERFWATCH_AOT_TRAINING="$cache" \
		timeout 300 "${entrypoint[@]}" >"$work/train.log" 2>&1 || die "training $service failed: $(tail -5 "$work/train.log")"
	# Round after round, every variant once per round, the first one rotating: a burst of load
	# from elsewhere then falls on all of them alike.
	declare -A times=() firsts=() rss_max=()
	for ((round = 0; round < runs; round++)); do
		for ((i = 0; i < ${#labels[@]}; i++)); do
			v=$(((i + round) % ${#labels[@]}))
			read -r startup first rss < <(start_variant "$v")
			times[$v]+="$startup "
			firsts[$v]+="$first "
			((rss > ${rss_max[$v]:-0})) && rss_max[$v]=$rss
		done
	done
	for ((v = 0; v < ${#labels[@]}; v++)); do
		# shellcheck disable=SC2086 # the lists are space-separated numbers
		rows+=("$(printf '  %-20s %-34s %-11s %-9s %-8s %s' "$service" "${labels[$v]}" "$(median ${times[$v]})" \
			"$(median ${firsts[$v]})" "${rss_max[$v]}" "${times[$v]% }")")
	done
	unset times firsts rss_max
done

# ratios VARIANT: each service's median startup in VARIANT over its fat jar's, from the rows (a
# row ends with startup, first request, RSS and the --runs startups).
ratios() {
	printf '%s\n' "${rows[@]}" | awk -v v="$1" -v runs="$runs" '
		{ startup = $(NF - runs - 2) }
		/fat jar/ { base[$1] = startup }
		index($0, v) { printf "%s %.2f (%.1fx)  ", $1, startup / base[$1], base[$1] / startup }'
}
mkdir -p "$(dirname "$out")"
{
	echo "# Cold start and memory per service, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "machine: $(nproc) CPUs, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "each service alone, span export and profiling off; startup = JVM launch to the first 200 from"
	echo "/actuator/health/readiness (median of $runs, the variants in rotating order); first = the next"
	echo "request's ms (median); RSS after 200 requests (largest of $runs). Fat jar: -Xmx256m. Image: its"
	echo "entrypoint with -XX:MaxRAM=512m, the cache trained as cloudbuild.yaml's aot-cache step does."
	echo
	echo "  service              variant                            startup ms  first ms  RSS MiB  all runs ms"
	printf '%s\n' "${rows[@]}"
	echo
	echo "startup over the fat jar's, image + AOT cache: $(ratios 'image + AOT cache')"
	echo "startup over the fat jar's, image, no cache:   $(ratios 'image, no cache')"
	if [[ "$candidates" == true ]]; then
		echo "startup over the fat jar's, + lazy initialisation: $(ratios '+ lazy initialisation')"
		echo "startup over the fat jar's, + C1 only: $(ratios '+ C1 only')"
	fi
	printf '%s\n' "${rows[@]}" | awk -v budget="$rss_budget" -v runs="$runs" '$(NF - runs) > max { max = $(NF - runs) }
		END { printf "largest RSS %d MiB; 512 MiB with 30 %% free allows %d MiB: %s\n", max, budget, max <= budget ? "within" : "OVER" }'
} | tee "$out"
