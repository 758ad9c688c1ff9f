#!/usr/bin/env bash
# Shows the regression gate (bench/regression.sh) at work, twice:
#   1. a deliberate slowdown: a throwaway commit on top of HEAD that runs the data service's
#      simulated analysis (StatisticsProcessor) ten times over; the gate must say "regression" and
#      the data service's diff must name the processing first;
#   2. HEAD against itself, --repeat times: every "regression" there is a false alarm.
# Writes bench/results/regression-demo.txt (the summary) and the runs' files under
# bench/results/regression-demo/. Takes about 4 minutes plus 2 per repetition.
#
# Usage: bench/regression-demo.sh [--repeat N] [--rounds N] [--duration D] [--warmup D]
#   --repeat N     comparisons of HEAD against itself (10)
#   --rounds N     rounds per side in each comparison (6)
#   --duration D   length of each round (15s)
#   --warmup D     warmup of each suite (30s)
set -euo pipefail

usage() { header_usage; }

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=scripts/lib.sh
source "$root/scripts/lib.sh"

repeat=10
rounds=6
duration=15s
warmup=30s
while [[ $# -gt 0 ]]; do
	case "$1" in
		--repeat) repeat="$2"; shift 2 ;;
		--rounds) rounds="$2"; shift 2 ;;
		--duration) duration="$2"; shift 2 ;;
		--warmup) warmup="$2"; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		*) unknown_option "$1" ;;
	esac
done

cd "$root"
work="$(mktemp -d)"
# shellcheck disable=SC2317 # run by the EXIT trap
remove_work_tree() {
	cleanup
	git worktree prune
}
stop_on_exit
trap remove_work_tree EXIT
results=bench/results/regression-demo
rm -rf "$results"
mkdir -p "$results"

# The slowdown, as a revision: nothing in the product can switch it on.
processor=data-service/src/main/java/dev/perfwatch/data/StatisticsProcessor.java
git worktree add --quiet --detach "$work/slow" HEAD
sed -i 's/round < 100;/round < 1000;/' "$work/slow/$processor"
grep -q 'round < 1000;' "$work/slow/$processor" || die "the slowdown no longer applies to $processor"
git -C "$work/slow" -c user.name=regression-demo -c user.email=demo@localhost \
	commit --quiet -am "demo: the data service's analysis runs 10 times over"
slow=$(git -C "$work/slow" rev-parse HEAD)

common=(--rounds "$rounds" --duration "$duration" --warmup "$warmup")
slowdown_status=0
bench/regression.sh HEAD "$slow" "${common[@]}" --out "$results/slowdown" | tee "$work/slowdown.txt" \
	|| slowdown_status=$?
self_status=0
bench/regression.sh HEAD HEAD "${common[@]}" --repeat "$repeat" --out "$results/self" | tee "$work/self.txt" \
	|| self_status=$?
false_alarms=$({ grep -l '"verdict" *: *"regression"' "$results"/self/repeat-*/verdict.json || true; } | wc -l)

{
	echo "# Regression gate demonstration, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(git rev-parse --short HEAD)"
	echo "# $(nproc) CPUs, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $rounds rounds of $duration per side, A B B A"
	echo
	echo "1. HEAD against HEAD with the data service's analysis 10x (exit $slowdown_status, 1 = regression):"
	cat "$results"/slowdown/repeat-1/verdict.txt
	echo
	echo "   data-service, where its CPU's growth starts, and the frames whose share grew most:"
	head -n 12 "$results/slowdown/diff-data-service.txt"
	echo
	echo "2. HEAD against itself, $repeat comparisons (exit $self_status): $false_alarms false alarm(s)"
	for file in "$results"/self/repeat-*/verdict.txt; do
		printf '   %s: %s\n' "$(basename "$(dirname "$file")")" "$(grep -m1 '^verdict:' "$file")"
	done
} | tee bench/results/regression-demo.txt
