#!/usr/bin/env bash
# Where does each service's CPU go, besides the recipe's own work? Reads the CPU samples of the
# profile windows the services recorded (for instance `bench/suite.sh --profiles-dir DIR`) and sorts
# every sample by what the thread was doing:
#   recipe       inside the work bench/floor.sh times alone: the frontend's random loop, the auth
#                service's session and hashing, the data service's query and processing
#   jit, gc      the JVM's compiler and garbage collector threads
#   a library    otherwise the innermost frame of a known library or framework on the stack (JDK
#                frames count for the library that called them): tomcat, spring, jackson,
#                httpclient, observation, metrics, tracing, logging, resilience4j, perfwatch (the
#                project's own plumbing), ...
#   jdk, jvm     no library frame at all: Java frames of the JDK alone, or none (interpreter, VM)
# What is not "recipe" is plumbing; the table says how much of each service's CPU each part took.
#
# Usage: bench/plumbing.sh --dir DIR [--last N] [--out FILE]
#   --dir    a profiles directory: one subdirectory per service, holding its windows (*.jfr)
#   --last   only each service's last N windows (default: all), e.g. those of the measured load
#   --out    also write the table to FILE
#   Needs profiles-cli/target/profiles.jar (./mvnw -q -B -DskipTests package), which carries
#   async-profiler's jfr-converter.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

usage() { header_usage; }

dir=""
last=0
out=""
while [[ $# -gt 0 ]]; do
	case "$1" in
		--dir) dir="$2"; shift 2 ;;
		--last) last="$2"; shift 2 ;;
		--out) out="$2"; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		*) unknown_option "$1" ;;
	esac
done
[[ -n "$dir" && -d "$dir" ]] || die "--dir must name a profiles directory"
cli="$root/profiles-cli/target/profiles.jar"
[[ -f "$cli" ]] || die "missing $cli: run ./mvnw -q -B -DskipTests package first"
stop_on_exit

# collapsed OUT JFR...: the windows' CPU samples as collapsed stacks ("frame;frame;... count"), by
# jfr-converter, which the profiles jar holds as a nested jar: Spring Boot's PropertiesLauncher runs
# its main class from there.
collapsed() {
	local out="$1"
	shift
	"$java_bin" -Xmx512m -cp "$cli" -Dloader.main=Main org.springframework.boot.loader.launch.PropertiesLauncher \
		--cpu --dot -o collapsed "$@" "$out" >/dev/null
}

# classify: collapsed stacks in, "category count" lines out (see the header for the rules).
classify() {
	awk '
		BEGIN {
			recipe = "RandomComputation[.]compute|TokenHasher[.]|SessionFactory[.]create|SessionStore[.]add|" \
				"CategoryStatsQuery[.]above|StatisticsProcessor[.]process"
			n = split("org.apache.catalina tomcat|org.apache.coyote tomcat|org.apache.tomcat tomcat|" \
				"org.springframework spring|tools.jackson jackson|com.fasterxml.jackson jackson|" \
				"org.apache.hc httpclient|io.micrometer.observation observation|" \
				"io.micrometer.tracing tracing|brave tracing|zipkin2 tracing|io.micrometer metrics|" \
				"ch.qos.logback logging|org.slf4j logging|org.apache.logging logging|" \
				"io.github.resilience4j resilience4j|org.h2 h2|one.profiler profiler|" \
				"dev.perfwatch perfwatch|jakarta jakarta|io.opentelemetry otel", rules, "|")
			for (i = 1; i <= n; i++) { split(rules[i], r, " "); prefix[i] = r[1]; category[i] = r[2] }
		}
		{
			count = $NF
			stack = substr($0, 1, length($0) - length(count) - 1)
			if (stack ~ recipe) { sum["recipe"] += count; next }
			if (stack ~ /CompileBroker|C2Compiler|Compilation::|CompileTask/) { sum["jit"] += count; next }
			if (stack ~ /G1[A-Z]|GCTaskThread|WorkerThread::run|ParallelGC|SerialHeap|DefNewGeneration|VM_GenCollect|VM_G1/) {
				sum["gc"] += count; next
			}
			frames = split(stack, f, ";")
			found = ""; java = 0
			for (j = frames; j >= 1 && found == ""; j--) {
				if (f[j] ~ /^(java|jdk|sun|javax)[.]/) { java = 1; continue }
				for (i = 1; i <= n; i++) {
					if (index(f[j], prefix[i] ".") == 1) { found = category[i]; break }
				}
			}
			if (found == "") found = java ? "jdk" : "jvm"
			sum[found] += count
		}
		END { for (c in sum) print c, sum[c] }'
}

declare -A totals=()
services=()
for service_dir in "$dir"/*/; do
	service="$(basename "$service_dir")"
	mapfile -t windows < <(find "$service_dir" -maxdepth 1 -name '*.jfr' | sort)
	((${#windows[@]} > 0)) || continue
	((last > 0 && ${#windows[@]} > last)) && windows=("${windows[@]: -last}")
	services+=("$service")
	collapsed "$work/$service.collapsed" "${windows[@]}"
	classify <"$work/$service.collapsed" >"$work/$service.categories"
	totals[$service]="$(awk '{ s += $2 } END { print s + 0 }' "$work/$service.categories")"
	echo "$service: ${#windows[@]} windows, ${totals[$service]} CPU samples" >&2
done
((${#services[@]} > 0)) || die "no windows (*.jfr) under $dir/<service>/"

# The table: one row per category, one column per service, shares of that service's samples;
# categories in order of their largest share anywhere, recipe first.
{
	echo "# CPU samples by what the thread was doing, share of each service's samples ($dir)"
	printf '%-14s' category
	for service in "${services[@]}"; do printf ' %16s' "$service"; done
	echo
	for service in "${services[@]}"; do
		awk -v s="$service" -v t="${totals[$service]}" '{ print $1, s, (t > 0) ? 100 * $2 / t : 0 }' \
			"$work/$service.categories"
	done >"$work/shares"
	awk '{ if ($3 > max[$1]) max[$1] = $3 } END { for (c in max) print (c == "recipe") ? 1000 : max[c], c }' \
		"$work/shares" | sort -rn | while read -r _ category; do
		printf '%-14s' "$category"
		for service in "${services[@]}"; do
			printf ' %15.1f%%' "$(awk -v c="$category" -v s="$service" '$1 == c && $2 == s { print $3; found = 1 } END { if (!found) print 0 }' "$work/shares")"
		done
		echo
	done
	printf '%-14s' plumbing
	for service in "${services[@]}"; do
		printf ' %15.1f%%' "$(awk -v s="$service" '$2 == s && $1 != "recipe" { p += $3 } END { print p + 0 }' "$work/shares")"
	done
	echo
	printf '%-14s' samples
	for service in "${services[@]}"; do printf ' %16d' "${totals[$service]}"; done
	echo
} | if [[ -n "$out" ]]; then tee "$out"; else cat; fi
