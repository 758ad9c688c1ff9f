#!/usr/bin/env bash
# The recipe's Python suite (bench/python-recipe) and this Java suite under the same load, one
# after the other in one run, with bench/suite.sh measuring both the same way. The Java suite
# runs as the product does: tracing at 100 % to a local Zipkin and the continuous profiler on;
# the Python one has neither (its Google Cloud libraries cannot run here), which favours Python.
# Python is served by gunicorn, 2 worker processes x 4 threads per service, as one would deploy it
# (--python-server flask: the recipe's own app.run, Werkzeug's threaded development server).
# Both suites get the same warmup (bench/suite.sh's, until the JVMs' JIT compilers are quiet).
# Needs Debian's gunicorn, python3-flask and python3-requests. Takes about 12 minutes.
set -euo pipefail

usage() {
	cat <<USAGE
usage: bench/python-vs-java.sh [--no-build] [--python-server gunicorn|flask] [--out bench/results/python-vs-java.txt]
  Python services listen on 127.0.0.1:18580-18583, the Java ones on 18680-18683 (Zipkin 18611).
USAGE
}

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

build=true
python_server=gunicorn
out=bench/results/python-vs-java.txt
while [[ $# -gt 0 ]]; do
	case "$1" in
		--no-build) build=false; shift ;;
		--python-server) python_server="$2"; shift 2 ;;
		--out) out="$2"; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		*) unknown_option "$1" ;;
	esac
done

cd "$root"
python=/usr/bin/python3
"$python" -c 'import flask, requests' 2>/dev/null \
	|| { echo "needs python3-flask and python3-requests: sudo apt-get install python3-flask python3-requests" >&2; exit 1; }
case "$python_server" in
	gunicorn) require_command gunicorn "apt-get install gunicorn" ;;
	flask) ;;
	*) echo "--python-server takes gunicorn or flask, not '$python_server'" >&2; exit 2 ;;
esac

work="$(mktemp -d)"
stop_on_exit

if [[ "$build" == true ]]; then
	build_suite_jars
fi

echo "starting the recipe's Python services on 18580-18583 ($python_server)..." >&2
scripts=(frontend api_gateway auth_service data_service)
for i in 3 2 1 0; do
	port=$((18580 + i))
	if [[ "$python_server" == gunicorn ]]; then
		server=(gunicorn --workers 2 --threads 4 --bind "127.0.0.1:$port" --chdir bench/python-recipe "${scripts[$i]}:app")
	else
		server=("$python" "bench/python-recipe/${scripts[$i]}.py")
	fi
	PORT=$port API_SERVICE_URL=http://127.0.0.1:18581 AUTH_SERVICE_URL=http://127.0.0.1:18582 \
		DATA_SERVICE_URL=http://127.0.0.1:18583 start_logged "$work/${scripts[$i]}.log" "${server[@]}"
done
for i in 0 1 2 3; do
	wait_url "http://127.0.0.1:$((18580 + i))/health"
done
# The recipe's work measured alone once, before any suite runs: both plumbing shares use it.
echo "measuring the recipe's own work alone (bench/floor.sh)..." >&2
floor=$(RESULT="$work/floor.txt" bench/floor.sh | awk '/^floor total/ {print $3}')
bench/suite.sh --running --floor "$floor" --port-base 18580 --zipkin-port 18599 --out "$work/python.txt"
stop_started

echo "starting the Java suite on 18680-18683 with profiling on..." >&2
bench/suite.sh --no-build --floor "$floor" --profiling on --port-base 18680 --zipkin-port 18611 --out "$work/java.txt"

saturation() { sed -n 's/^  saturation: \([0-9.]*\) req\/s.*/\1/p' "$1"; }
python_rate=$(saturation "$work/python.txt")
java_rate=$(saturation "$work/java.txt")
mkdir -p "$(dirname "$out")"
{
	echo "# The recipe's Python suite versus perfwatch, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "saturation throughput: Python $python_rate req/s, Java $java_rate req/s," \
		"ratio $(awk -v j="$java_rate" -v p="$python_rate" 'BEGIN { if (p > 0) printf "%.1fx", j / p; else print "n/a" }')"
	echo "(Java with tracing at 100 % to Zipkin and the continuous profiler on; Python without either)"
	echo
	if [[ "$python_server" == gunicorn ]]; then
		echo "## Python (bench/python-recipe, gunicorn: 2 worker processes x 4 threads per service)"
	else
		echo "## Python (bench/python-recipe, Flask's threaded server as the recipe runs it)"
	fi
	cat "$work/python.txt"
	echo
	echo "## Java (perfwatch)"
	cat "$work/java.txt"
} | tee "$out"
