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

# pid_on_port PORT: the process listening on PORT; where several share the socket (gunicorn's
# workers), the first started, their parent; nothing when nothing listens there.
pid_on_port() { ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*users:(\(.*\))$/\1/p' | tr ',' '\n' | sed -n 's/^pid=//p' | sort -n | head -1; }

# cpu_ticks PID: user+system clock ticks of the process and its children so far (gunicorn serves
# from worker processes under the one that listens), 0 if it is gone.
cpu_ticks() {
	local total=0 pid
	[[ -n "$1" ]] || { echo 0; return; }
	for pid in "$1" $(pgrep -P "$1"); do
		[[ -r "/proc/$pid/stat" ]] && total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
	done
	echo "$total"
}

# thread_ticks PID NAME_GLOB: user+system clock ticks so far of the process's threads whose name (as
# /proc shows it, cut to 15 characters) matches NAME_GLOB.
thread_ticks() {
	local total=0 task comm
	for task in /proc/"$1"/task/*; do
		comm="$(cat "$task/comm" 2>/dev/null)" || continue
		# shellcheck disable=SC2053 # $2 is a glob on purpose
		[[ "$comm" == $2 ]] || continue
		total=$((total + $(sed 's/.*) //' "$task/stat" | awk '{print $12 + $13}')))
	done
	echo "$total"
}

# jit_ticks PID: user+system clock ticks of the JVM's JIT compiler threads so far ("C1 CompilerThre",
# "C2 CompilerThre" in /proc). A suite still compiling spends a large share of its CPU there.
jit_ticks() { thread_ticks "$1" 'C[12] CompilerThre*'; }

# require_suite_jars: fails unless the four service jars and the load generator are built.
require_suite_jars() {
	local jar
	for jar in frontend-service api-gateway-service auth-service data-service load-generator; do
		[[ -f "${root:?}/$jar/target/$jar.jar" ]] || die "missing $jar/target/$jar.jar: run ./mvnw -q -B -DskipTests package first"
	done
}

# json_field FILE SECTION KEY: a number from the load generator's --out report.
json_field() {
	awk -v s="\"$2\"" -v k="\"$3\"" '$1 == s { on = 1; next } on && $1 == k { gsub(/[ ,]/, "", $3); print $3; exit } on && /}/ { on = 0 }' "$1"
}
