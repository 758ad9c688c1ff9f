#!/usr/bin/env bash
# "A leak you can see": starts auth-service with session eviction off and a small heap, a real
# Prometheus scraping it every 2 s with the leak rules' windows shortened (render-demo-rules.sh),
# drives a bounded load at /auth/verify, and prints the heap-after-GC trend and the state of the
# JvmHeapLeakSuspected alert from Prometheus's /api/v1/alerts until it fires or time runs out.
# Everything it starts is stopped by PID on exit.
set -euo pipefail

usage() {
	cat <<'EOF'
Usage: monitoring/leak-demo.sh [--auth-port N] [--prometheus-port N] [--heap SIZE] [--rate N]
                               [--max-seconds N] [--for DURATION]
  --auth-port N        port of the auth-service it starts (default 18482)
  --prometheus-port N  port of the Prometheus it starts (default 19092)
  --heap SIZE          auth-service -Xmx (default 128m)
  --rate N             requests per second to /auth/verify (default 10)
  --max-seconds N      stop after this many seconds of load even if the alert has not fired (default 240)
  --for DURATION       the demo alert's "for:" (default 30s; production rules say 30m)
Needs: java 17+, curl, prometheus (Debian: apt-get install prometheus), and the built jar
auth-service/target/auth-service.jar (./mvnw -q -B -DskipTests -pl auth-service -am package).
EOF
}

root=$(CDPATH="" cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$root/scripts/lib.sh"

auth_port=18482 prometheus_port=19092 heap=128m rate=10 max_seconds=240 for_window=30s
while (($# > 0)); do
	case $1 in
		--auth-port) auth_port=$2; shift 2 ;;
		--prometheus-port) prometheus_port=$2; shift 2 ;;
		--heap) heap=$2; shift 2 ;;
		--rate) rate=$2; shift 2 ;;
		--max-seconds) max_seconds=$2; shift 2 ;;
		--for) for_window=$2; shift 2 ;;
		-h | --help) usage; exit 0 ;;
		*) unknown_option "$1" ;;
	esac
done

jar="$root/auth-service/target/auth-service.jar"
[[ -f $jar ]] || die "$jar missing: build it with ./mvnw -q -B -DskipTests -pl auth-service -am package"
require_command prometheus "sudo apt-get install prometheus"
require_command curl

work=$(mktemp -d)
stop_on_exit

"$root/monitoring/prometheus/render-demo-rules.sh" "$work/leak-demo-rules.yml" --for "$for_window"
cat >"$work/prometheus.yml" <<EOF
global:
  scrape_interval: 2s
  evaluation_interval: 2s
rule_files:
  - $work/leak-demo-rules.yml
scrape_configs:
  - job_name: perfwatch
    metrics_path: /actuator/prometheus
    static_configs:
      - targets: ["127.0.0.1:$auth_port"]
        labels: { service: auth-service }
EOF

printf 'auth-service: -Xmx%s, AUTH_SESSIONS_EVICTION_ENABLED=false, port %s\n' "$heap" "$auth_port"
AUTH_SESSIONS_EVICTION_ENABLED=false PORT=$auth_port MANAGEMENT_TRACING_SAMPLING_PROBABILITY=0 \
	start_logged "$work/auth.log" "$java_bin" "-Xmx$heap" -XX:+UseG1GC -jar "$jar"
printf 'prometheus: http://127.0.0.1:%s (scrape and rule evaluation every 2 s, alert for: %s)\n' \
	"$prometheus_port" "$for_window"
start_logged "$work/prometheus.log" prometheus "--config.file=$work/prometheus.yml" "--storage.tsdb.path=$work/tsdb" \
	"--web.listen-address=127.0.0.1:$prometheus_port"

prom="http://127.0.0.1:$prometheus_port"
wait_url "http://127.0.0.1:$auth_port/health" 60
wait_url "$prom/-/ready" 60

# query EXPR: the first value of an instant query, or "-" when there is none yet.
query() {
	local value
	value=$(curl -sf --get "$prom/api/v1/query" --data-urlencode "query=$1" |
		grep -oE '"value":\[[0-9.]+,"[^"]+"\]' | head -1 | sed -E 's/.*,"([^"]+)"\]/\1/') || true
	printf '%s' "${value:--}"
}

alert_state() {
	local alerts
	alerts=$(curl -sf "$prom/api/v1/alerts" || true)
	if grep -q '"alertname":"JvmHeapLeakSuspected"' <<<"$alerts"; then
		grep -oE '"state":"(pending|firing)"' <<<"$alerts" | head -1 | sed -E 's/.*:"(.*)"/\1/'
	else
		printf 'inactive'
	fi
}

printf '\n%8s %9s %12s %12s %16s %10s\n' seconds requests after-GC floor slope/hour alert
start=$SECONDS sent=0 next_report=0 state=inactive
interval=$(awk -v r="$rate" 'BEGIN { printf "%.3f", 1 / r }')
while ((SECONDS - start < max_seconds)); do
	kill -0 "${started_pids[0]}" 2>/dev/null || { printf 'auth-service exited (heap exhausted?)\n'; break; }
	curl -s -o /dev/null --max-time 5 "http://127.0.0.1:$auth_port/auth/verify" || true
	sent=$((sent + 1))
	if ((SECONDS - start >= next_report)); then
		state=$(alert_state)
		printf '%8d %9d %12s %12s %16s %10s\n' "$((SECONDS - start))" "$sent" \
			"$(query 'instance:jvm_heap_after_gc:ratio')" "$(query 'instance:jvm_heap_after_gc_floor:ratio')" \
			"$(query 'deriv(instance:jvm_heap_after_gc_floor:ratio[3m]) * 3600')" "$state"
		next_report=$((next_report + 10))
		[[ $state == firing ]] && break
	fi
	sleep "$interval"
done

printf '\nGET %s/api/v1/alerts\n' "$prom"
curl -sf "$prom/api/v1/alerts" | sed -E 's/\},\{/},\n{/g'
printf '\n\nsessions held by auth-service (from one more /auth/verify): %s\n' \
	"$(curl -sf --max-time 5 "http://127.0.0.1:$auth_port/auth/verify" | grep -oE '"active_sessions":[0-9]+' || printf 'unknown')"
printf 'result: JvmHeapLeakSuspected %s after %d s and %d requests\n' "$state" "$((SECONDS - start))" "$sent"
