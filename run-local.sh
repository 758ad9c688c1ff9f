#!/usr/bin/env bash
# Runs the whole perfwatch suite on this machine: Zipkin, the four services (profiling on),
# Prometheus when installed; sends a short load through the frontend; prints where to look;
# then stops everything it started (or, with --keep-running, waits for Ctrl-C first).
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: ./run-local.sh [--keep-running] [--no-build] [--duration D] [--concurrency C]

  --keep-running   leave everything running after the load; Ctrl-C stops it cleanly
  --no-build       use the jars already in */target instead of running ./mvnw package
  --duration D     how long the short load lasts after a 5 s warmup (default 30s; at least
                   one 10 s profiling window falls inside it)
  --concurrency C  parallel clients in the short load (default 8)

Ports used on 127.0.0.1: 8080-8083 (services), 9411 (Zipkin), 9090 (Prometheus).
Logs: .run/logs/   Profiles: profiles/<service>/   Load report: .run/load-report.json
EOF
}

keep_running=false
build=true
duration=30s
concurrency=8
while [[ $# -gt 0 ]]; do
  case "$1" in
    --keep-running) keep_running=true ;;
    --no-build) build=false ;;
    --duration) duration="$2"; shift ;;
    --concurrency) concurrency="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
run_dir="$root/.run"
logs="$run_dir/logs"
profiles="$root/profiles"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
zipkin_version=3.6.1
services=(data-service auth-service api-gateway-service frontend-service)
declare -A port=([frontend-service]=8080 [api-gateway-service]=8081 [auth-service]=8082 [data-service]=8083)
pids=()

log() { printf '==> %s\n' "$*"; }
fail() { printf 'run-local: %s\n' "$*" >&2; exit 1; }

stop_all() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  pids=()
}
trap stop_all EXIT
trap 'exit 130' INT TERM

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

check_port_free() {
  if port_in_use "$1"; then
    fail "port $1 ($2) is already in use on 127.0.0.1; stop whatever listens there (e.g. 'ss -ltnp | grep :$1') and retry"
  fi
}

await_url() {
  local name="$1" url="$2" deadline=$((SECONDS + 120))
  until curl -fs -o /dev/null --max-time 2 "$url"; do
    if (( SECONDS > deadline )); then
      fail "$name did not become ready at $url within 120 s; see $logs/$name.log"
    fi
    sleep 0.5
  done
}

start() {
  local name="$1"; shift
  "$@" >"$logs/$name.log" 2>&1 &
  pids+=("$!")
}

command -v curl >/dev/null || fail "curl is required"
command -v "$java_bin" >/dev/null || fail "Java 17 or newer is required (set JAVA_HOME or put java on PATH)"

for name in "${services[@]}"; do
  check_port_free "${port[$name]}" "$name"
done
check_port_free 9411 "Zipkin"
prometheus_bin="$(command -v prometheus || true)"
if [[ -n "$prometheus_bin" ]]; then
  check_port_free 9090 "Prometheus"
fi

if $build; then
  log "Building the services and the load generator (./mvnw package, tests skipped)"
  ./mvnw -q -B -DskipTests package
fi
mkdir -p "$logs" "$profiles"
zipkin_jar="$run_dir/zipkin-server-$zipkin_version-exec.jar"
if [[ ! -f "$zipkin_jar" ]]; then
  log "Fetching the Zipkin server $zipkin_version with Maven"
  ./mvnw -q -B -N dependency:copy "-Dartifact=io.zipkin:zipkin-server:$zipkin_version:jar:exec" "-DoutputDirectory=$run_dir"
fi

log "Starting Zipkin and the four services on 127.0.0.1"
STORAGE_TYPE=mem start zipkin "$java_bin" -jar "$zipkin_jar" \
  '--armeria.ports[0].ip=127.0.0.1' '--armeria.ports[0].port=9411' '--armeria.ports[0].protocols[0]=http'
for name in "${services[@]}"; do
  PORT="${port[$name]}" \
  PERFWATCH_PROFILING=on PERFWATCH_PROFILES_DIR="$profiles" \
  PERFWATCH_PROFILING_PERIOD="${PERFWATCH_PROFILING_PERIOD:-15s}" PERFWATCH_PROFILING_WINDOW="${PERFWATCH_PROFILING_WINDOW:-10s}" \
  API_SERVICE_URL=http://127.0.0.1:8081 AUTH_SERVICE_URL=http://127.0.0.1:8082 DATA_SERVICE_URL=http://127.0.0.1:8083 \
    start "$name" "$java_bin" -jar "$name/target/$name.jar"
done
if [[ -n "$prometheus_bin" ]]; then
  start prometheus "$prometheus_bin" --config.file=monitoring/prometheus/prometheus.yml \
    --storage.tsdb.path="$run_dir/prometheus" --web.listen-address=127.0.0.1:9090
fi

await_url zipkin http://127.0.0.1:9411/health
for name in "${services[@]}"; do
  await_url "$name" "http://127.0.0.1:${port[$name]}/actuator/health/readiness"
done
log "All services are ready"

trace_id="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
curl -fsS -o /dev/null -H "traceparent: 00-$trace_id-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')-01" \
  http://127.0.0.1:8080/

# Profiling windows are named by their UTC start; those from this stamp on saw the load.
load_start="$(date -u +%Y%m%dT%H%M%SZ)"
log "Sending a short load for $duration, $concurrency at a time, through the frontend"
"$java_bin" -jar load-generator/target/load-generator.jar --duration "$duration" --concurrency "$concurrency" \
  --warmup 5s --out "$run_dir/load-report.json" http://127.0.0.1:8080/

newest_flame_graph() {
  compgen -G "$profiles/$1/*-cpu.html" | sort | tail -n 1 || true
}

log "Waiting for each service's profiling window under load to be written"
deadline=$((SECONDS + 30))
for name in "${services[@]}"; do
  until [[ "$(basename "$(newest_flame_graph "$name")")" > "$load_start" ]]; do
    if (( SECONDS > deadline )); then
      printf 'No flame graph of the load yet for %s (see %s)\n' "$name" "$logs/$name.log"
      break
    fi
    sleep 1
  done
done

echo
echo "Where to look"
echo "  One full trace:   http://127.0.0.1:9411/zipkin/traces/$trace_id"
echo "  All traces:       http://127.0.0.1:9411/zipkin/"
for name in "${services[@]}"; do
  newest="$(newest_flame_graph "$name")"
  printf '  %-20s metrics http://127.0.0.1:%s/actuator/prometheus\n' "$name" "${port[$name]}"
  printf '  %-20s flame graph %s\n' "" "${newest:-(none yet)}"
done
if [[ -n "$prometheus_bin" ]]; then
  echo "  Prometheus:       http://127.0.0.1:9090/alerts"
else
  echo "  Prometheus:       not installed; 'sudo apt-get install prometheus' adds local alerts and SLOs"
fi
echo "  Top frames:       java -jar load-generator/target/load-generator.jar profiles --dir profiles --service frontend-service"
echo "  Load report:      $run_dir/load-report.json"

if $keep_running; then
  echo
  log "Everything keeps running; press Ctrl-C to stop it"
  # A background sleep and wait: bash runs the traps at once when a signal interrupts wait.
  sleep infinity &
  pids+=("$!")
  wait "$!" || true
fi
