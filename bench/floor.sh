#!/usr/bin/env bash
# The floor: what the recipe's own work costs per request with none of our plumbing (no HTTP, JSON,
# Spring MVC, tracing, metrics or profiler). Runs each service's RecipeWorkFloor (in its test
# sources, calling the service's own classes: the frontend's loop, the auth service's session
# building, store and 1000 hashes, the data service's H2 aggregate over 10,000 rows and its
# processing) on one thread, warmed up, and reports CPU ms per call of each and their sum.
#
# Usage: bench/floor.sh [--calls N]
#   N calls are timed after N warm-up calls (default 2000; the data service takes a quarter).
#   Env: RESULT (default bench/results/floor.txt). Prints "floor total X ms" last, which
#   bench/suite.sh reads.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=scripts/lib.sh
source "$root/scripts/lib.sh"

usage() { header_usage; }

calls=2000
while [[ $# -gt 0 ]]; do
	case "$1" in
		--calls) calls="$2"; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		*) unknown_option "$1" ;;
	esac
done

result="${RESULT:-$root/bench/results/floor.txt}"
work="$(mktemp -d)"
stop_on_exit

services=(frontend-service auth-service data-service)
module_list="$(IFS=,; echo "${services[*]}")"
(cd "$root" && ./mvnw -q -B -pl "$module_list" -am test-compile dependency:build-classpath \
	-Dmdep.includeScope=test -Dmdep.outputFile=target/floor-classpath.txt)

report="$work/report.txt"
{
	echo "# Recipe work floor, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "# $(nproc) CPUs, $(java_version_line); one thread, CPU time per call, $calls calls after $calls warm-up (data: $((calls / 4)))"
} >"$report"
for service in "${services[@]}"; do
	n="$calls"
	[[ "$service" == data-service ]] && n=$((calls / 4))
	package="${service%-service}"
	"$java_bin" -cp "$root/$service/target/test-classes:$root/$service/target/classes:$(cat "$root/$service/target/floor-classpath.txt")" \
		"dev.perfwatch.$package.RecipeWorkFloor" "$n" 2>/dev/null | tee -a "$report"
done
awk '/^floor / {total += $(NF - 1)} END {printf "floor total %.4f ms\n", total}' "$report" | tee -a "$report"

mkdir -p "$(dirname "$result")"
cp "$report" "$result"
echo "Written to $result" >&2
