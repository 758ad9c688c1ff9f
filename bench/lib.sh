# shellcheck shell=bash
# What only the benchmarks use, on top of scripts/lib.sh (which it sources): source it after
# setting `root` (the repository) and `work` (a scratch directory removed at exit).

# shellcheck source=scripts/lib.sh
source "${root:?}/scripts/lib.sh"

# The four service jars and the load generator, built without tests.
build_suite_jars() {
	build_jars observability frontend-service api-gateway-service auth-service data-service load-generator
}

# bench_zipkin PORT: an in-memory Zipkin on 127.0.0.1:PORT, ready, its jar and log in $work.
bench_zipkin() {
	# Zipkin keeps 500,000 spans by default, more than 256 MiB of heap holds: at a few hundred
	# requests per second it would then collect garbage all the time, on the services' cores.
	MEM_MAX_SPANS=50000 start_zipkin "$1" "${work:?}" "$work/zipkin.log" -Xmx256m
	wait_url "http://127.0.0.1:$1/health"
}

# run_loadgen URL [OPTION...]: the load generator against URL, without progress lines (the
# benchmarks read its report).
run_loadgen() {
	local url="$1"
	shift
	"$java_bin" -Xmx256m -jar "${root:?}/load-generator/target/load-generator.jar" --progress off "$@" "$url"
}

pid_on_port() { ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }

cpu_ticks() { if [[ -n "$1" && -r "/proc/$1/stat" ]]; then awk '{print $14 + $15}' "/proc/$1/stat"; else echo 0; fi; }

# json_field FILE SECTION KEY: a number from the load generator's --out report.
json_field() {
	awk -v s="\"$2\"" -v k="\"$3\"" '$1 == s { on = 1; next } on && $1 == k { gsub(/[ ,]/, "", $3); print $3; exit } on && /}/ { on = 0 }' "$1"
}
