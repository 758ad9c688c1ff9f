#!/usr/bin/env bash
# Writes a copy of rules/leak.yml with the windows marked "# demo-window:" shortened, so the leak
# alert can go pending and fire within a few minutes of a local demo (leak-demo.sh).
set -euo pipefail

usage() {
	cat <<'USAGE'
Usage: monitoring/prometheus/render-demo-rules.sh OUT_FILE [--floor D] [--slope D] [--for D]
  --floor D   window of the after-GC floor (production 15m; default 1m)
  --slope D   window the slope is fitted over (production 1h; default 3m)
  --for D     how long the condition must hold before firing (production 30m; default 30s)
USAGE
}

[[ ${1:-} == -h || ${1:-} == --help ]] && { usage; exit 0; }
[[ $# -ge 1 ]] || { usage >&2; exit 2; }
out=$1
shift
floor=1m slope=3m for=30s
while (($# > 0)); do
	case $1 in
		--floor) floor=$2; shift 2 ;;
		--slope) slope=$2; shift 2 ;;
		--for) for=$2; shift 2 ;;
		*) usage >&2; exit 2 ;;
	esac
done
for value in "$floor" "$slope" "$for"; do
	[[ $value =~ ^[0-9]+[smh]$ ]] || { printf 'error: not a duration: %s\n' "$value" >&2; exit 2; }
done

here=$(CDPATH="" cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
sed -E \
	-e "/# demo-window: floor/s/\[[0-9]+[smh]\]/[$floor]/" \
	-e "/# demo-window: slope/s/\[[0-9]+[smh]\]/[$slope]/" \
	-e "/# demo-window: for/s/for: [0-9]+[smh]/for: $for/" \
	"$here/rules/leak.yml" >"$out"
