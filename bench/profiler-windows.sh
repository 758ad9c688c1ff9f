#!/usr/bin/env bash
# What the continuous profiler costs, measured inside the same processes. One suite profiles on
# its schedule (a window every period) under a saturating closed-model load, and its throughput in
# the seconds when any of its services records a window (or is writing one out) is compared with
# its throughput in the quiet seconds between windows, in the same JVMs and the same minutes. Two
# stacks started apart differ by up to 3 % here whatever they run (the A/A controls of
# bench/side-by-side.sh), more than the 1 % the goal allows; this comparison has no second stack.
#
# Each period of the measured load (a minute by default) holds each service's window once: its
# cost is 1 - (the period's mean rate) / (the rate of its quiet seconds), the throughput the
# windows took; the report gives the mean over the periods with a 95 % interval, and the cost
# inside the windows alone.
#
# What it cannot see: a cost paid every second, window or not. Without span events the profiler
# is idle between windows (a loaded, idle profiler cost nothing measurable:
# bench/results/profiling-overhead-loaded.txt). With --span-events, JFR stays started between
# windows, and on Java 17 its "JFR Periodic Tasks" thread wakes every 10 ms whenever no recording
# runs (JDK-8302821, fixed in 21; bench/results/span-events-cost.txt): the report adds that
# thread's CPU, as a share of the machine's, to the windows' cost. The span events' recording
# calls outside windows (JFR's disabled-event path) are not seen by either figure.
#
# Usage: bench/profiler-windows.sh [--span-events] [--concurrency N] [--warmup S] [--periods N]
#                                  [--guard S] [--perf] [--out FILE]
#   --span-events  the perfwatch default (span scope and finished-span events in the windows);
#                  without it, the windows hold CPU, wall and allocation samples only
#   --concurrency  requests in flight (default 4: saturation on this 2-core machine)
#   --warmup       seconds of load before the measured periods (default 240: the JIT settles)
#   --periods      measured periods (default 8)
#   --guard        seconds after a window's file is written that still count as the window
#                  (default 2), and one before it starts
#   --perf         also samples the whole machine with Linux perf (499 Hz a CPU, as root) while
#                  the periods are measured, and reports where the windows' extra CPU goes: ms of
#                  CPU per request in window and quiet seconds, by service and by kind of code
#                  (Java, JVM, kernel, async-profiler), and the symbols that grew most
#   --out          the report (default bench/results/profiler-windows.txt)
#   Every service runs with -Xmx384m; SERVICE_JAVA_OPTS adds options (e.g. another schedule:
#   -Dperfwatch.profiling.period=30s). Needs the jars from `./mvnw -q -B -DskipTests package`.
#   Env: BASE_PORT (default 18300; uses BASE_PORT..BASE_PORT+3 and BASE_PORT+9 for Zipkin).
#   Takes about 5 minutes of start and warm-up, then a minute per period.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

usage() { header_usage; }

span_events=false
perf=false
concurrency=4
warmup=240
periods=8
guard=2
result="$root/bench/results/profiler-windows.txt"
while [[ $# -gt 0 ]]; do
	case "$1" in
		--span-events) span_events=true; shift ;;
		--perf) perf=true; shift ;;
		--concurrency) concurrency="$2"; shift 2 ;;
		--warmup) warmup="$2"; shift 2 ;;
		--periods) periods="$2"; shift 2 ;;
		--guard) guard="$2"; shift 2 ;;
		--out) result="$2"; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		*) unknown_option "$1" ;;
	esac
done
((periods >= 3)) || die "--periods must be at least 3: the spread of the periods is part of the result"

require_suite_jars
if [[ $perf == true ]]; then
	require_command perf "apt-get install linux-perf"
	((EUID == 0 || $(cat /proc/sys/kernel/perf_event_paranoid) <= 0)) || die "--perf samples every CPU: run as root"
fi

base_port="${BASE_PORT:-18300}"
work="$(mktemp -d)"
stop_on_exit

read -r -a extra_options <<<"${SERVICE_JAVA_OPTS:-}"
options=(-Xmx384m -Dperfwatch.profiling.enabled=on -Dperfwatch.profiling.mode=continuous
	"-Dperfwatch.profiling.span-events=$span_events" "-Dperfwatch.profiling.dir=$work/profiles" "${extra_options[@]}")
bench_zipkin $((base_port + 9))
start_services "$base_port" $((base_port + 9)) "$work" "${options[@]}"
wait_services "$base_port"
pids=()
for name in "${suite_services[@]}"; do
	pids+=("$(pid_on_port $((base_port + suite_port_offset[$name])))")
done
# The schedule's period as the services logged it (PT1M, PT30S).
period_seconds="$(sed -n 's/.*Continuous profiling of .*: every PT\([0-9HMS]*\),.*/\1/p' "$work/frontend-service.log" | head -1 |
	awk '{ s = 0; if (match($0, /[0-9]+H/)) s += 3600 * substr($0, RSTART, RLENGTH - 1);
		if (match($0, /[0-9]+M/)) s += 60 * substr($0, RSTART, RLENGTH - 1);
		if (match($0, /[0-9]+S/)) s += substr($0, RSTART, RLENGTH - 1); print s }')"
[[ -n "$period_seconds" && "$period_seconds" -gt 0 ]] || die "the services did not log their profiling schedule: see $work/frontend-service.log"

url="http://127.0.0.1:$base_port/"
log "warm-up: ${warmup}s at concurrency $concurrency"
run_loadgen "$url" --concurrency "$concurrency" --duration "${warmup}s" --slowest 1 --out "$work/warmup.json" >/dev/null

# periodic_ticks: CPU clock ticks of the services' "JFR Periodic Tasks" threads so far.
periodic_ticks() {
	local total=0 pid
	for pid in "${pids[@]}"; do
		total=$((total + $(thread_ticks "$pid" 'JFR Periodic Ta*')))
	done
	echo "$total"
}

measured=$((periods * period_seconds))
log "measuring: $periods periods of ${period_seconds}s at concurrency $concurrency"
periodic_before="$(periodic_ticks)"
if [[ $perf == true ]]; then
	# Stamped with the wall clock, like the rates and the windows' files.
	start_logged "$work/perf.log" perf record -o "$work/perf.data" -a -F 499 -k CLOCK_REALTIME -- sleep "$measured"
	perf_pid="${started_pids[-1]}"
fi
start_epoch="$EPOCHSECONDS"
# Every progress line closes one second of load: stamp it with the time it arrived.
# (run_loadgen turns progress off.)
"$java_bin" -Xmx256m -jar "$root/load-generator/target/load-generator.jar" --concurrency "$concurrency" \
	--duration "${measured}s" --slowest 1 --progress lines --progress-every 0.5 --out "$work/measured.json" "$url" 2>&1 >/dev/null |
	while IFS= read -r line; do
		if [[ "$line" =~ rate\ ([0-9.]+)\ req/s ]]; then
			printf '%s\t%s\n' "$EPOCHREALTIME" "${BASH_REMATCH[1]}"
		fi
	done >"$work/rates.tsv"
end_epoch="$EPOCHSECONDS"
if [[ $perf == true ]]; then
	wait "$perf_pid" || die "perf record failed: $(tail -n 3 "$work/perf.log")"
	for i in "${!suite_services[@]}"; do printf '%s\t%s\n' "${pids[$i]}" "${suite_services[$i]}"; done >"$work/pids.tsv"
fi
periodic_after="$(periodic_ticks)"

# One line per window: service, start (the file's name, UTC), end (when the file was last written),
# the file.
for name in "${suite_services[@]}"; do
	for file in "$work/profiles/$name"/*.jfr; do
		[[ -f "$file" ]] || continue
		stamp="$(basename "$file" .jfr)"
		printf '%s\t%s\t%s\t%s\n' "$name" \
			"$(date -u -d "${stamp:0:8} ${stamp:9:2}:${stamp:11:2}:${stamp:13:2}" +%s)" "$(stat -c %Y "$file")" "$file"
	done
done >"$work/windows.tsv"

# One line per second of load (stamped when it ended): its time, its rate, and 1 when any window
# covers part of it, from a second before the window starts to $guard seconds after its file is
# written (else 0).
awk -F'\t' -v guard="$guard" '
	FNR == NR { ws[++nw] = $2 - 1; we[nw] = $3 + guard; next }
	{
		busy = 0
		for (j = 1; j <= nw; j++) if ($1 > ws[j] && $1 - 1 < we[j]) { busy = 1; break }
		printf "%s\t%s\t%d\n", $1, $2, busy
	}' "$work/windows.tsv" "$work/rates.tsv" >"$work/seconds.tsv"

# What the measured windows sampled, from their files: service, seconds recorded, CPU, wall-clock
# and allocation events, and the allocation interval the window chose.
jfr_bin="${JAVA_HOME:+$JAVA_HOME/bin/}jfr"
while IFS=$'\t' read -r name first last file; do
	((first >= start_epoch && first < end_epoch)) || continue
	# Counted from `jfr print`: `jfr summary` leaves out async-profiler's own event types in the
	# files JFR writes itself (span events' jfrsync).
	counts="$("$jfr_bin" print --stack-depth 1 --events \
		jdk.ExecutionSample,profiler.WallClockSample,jdk.ObjectAllocationInNewTLAB,jdk.ObjectAllocationOutsideTLAB,jdk.ActiveSetting "$file" |
		awk '/^jdk.ExecutionSample / { c++ } /^profiler.WallClockSample / { w++ } /^jdk.ObjectAllocation(InNew|Outside)TLAB / { a++ }
			/name = "alloc"/ { getline; gsub(/[^0-9]/, ""); i = $0 } END { printf "%d\t%d\t%d\t%d", c, w, a, i }')"
	printf '%s\t%s\t%s\n' "$name" $((last - first)) "$counts"
done <"$work/windows.tsv" >"$work/samples.tsv"

ticks_per_second="$(getconf CLK_TCK)"
cpus="$(nproc)"
{
	echo "# Profiler windows against the quiet seconds between them, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "# $cpus CPUs, $(java_version_line); one suite, tracing 100 % to Zipkin, the continuous schedule"
	echo "# (every ${period_seconds}s) $([[ $span_events == true ]] && echo with || echo without) span events; service options: ${options[*]//$work/WORK}"
	echo "# closed model, $concurrency in flight, ${warmup}s of warm-up, then $periods periods of ${period_seconds}s;"
	echo "# a second counts as a window's when any service records one, from a second before its start to"
	echo "# ${guard}s after its file is written; the others are quiet"
	awk -F'\t' -v start="$start_epoch" -v end="$end_epoch" -v period="$period_seconds" -v guard="$guard" -v n="$periods" \
		-v ticks=$((periodic_after - periodic_before)) -v hz="$ticks_per_second" -v cpus="$cpus" '
		FNR == NR { we[++nw] = $3 + guard; svc[nw] = $1; st[nw] = $2; next }
		{
			# Each second: its period, and whether it is a window'"'"'s.
			t[++nr] = $1; r[nr] = $2; p = int((t[nr] - 1 - start) / period) + 1; per[nr] = p
			if (p < 1 || p > n) next
			all[p] += r[nr]; alln[p]++
			if ($3) { b[p] += r[nr]; bn[p]++ } else { q[p] += r[nr]; qn[p]++ }
		}
		function tq(df) { return df >= 30 ? 2.04 : (df == 1 ? 12.71 : df == 2 ? 4.30 : df == 3 ? 3.18 : df == 4 ? 2.78 : df == 5 ? 2.57 : df == 6 ? 2.45 : df == 7 ? 2.36 : df == 8 ? 2.31 : df == 9 ? 2.26 : df < 15 ? 2.20 : df < 20 ? 2.12 : 2.07) }
		END {
			printf "%-7s %8s %8s %12s %12s %12s %10s %10s\n", "period", "window s", "quiet s", "window req/s", "quiet req/s", "all req/s", "in window", "period"
			k = 0
			for (p = 1; p <= n; p++) {
				if (!qn[p] || !bn[p]) { printf "%-7d %8d %8d  (skipped: no %s seconds)\n", p, bn[p], qn[p], qn[p] ? "window" : "quiet"; continue }
				qr = q[p] / qn[p]; br = b[p] / bn[p]; ar = all[p] / alln[p]
				c = 1 - ar / qr; w = 1 - br / qr
				printf "%-7d %8d %8d %12.1f %12.1f %12.1f %9.2f%% %9.2f%%\n", p, bn[p], qn[p], br, qr, ar, 100 * w, 100 * c
				k++; cs[k] = c; wsum += w; csum += c; bsec += bn[p]; asec += alln[p]
			}
			if (k < 2) { print "too few periods with both window and quiet seconds"; exit 1 }
			mean = csum / k; ss = 0
			for (i = 1; i <= k; i++) ss += (cs[i] - mean) ^ 2
			half = tq(k - 1) * sqrt(ss / (k - 1)) / sqrt(k)
			printf "windows cost %.2f %% +- %.2f %% of throughput over whole periods (mean of %d periods, 95 %% interval);\n", 100 * mean, 100 * half, k
			printf "inside the windows %.2f %%, which took %.0f %% of the seconds\n", 100 * wsum / k, 100 * bsec / asec
			ms = 1000 * ticks / hz / (end - start)
			printf "JFR Periodic Tasks threads: %.2f ms of CPU per second in all four services, %.2f %% of %d CPUs (a cost of every second, not in the figure above)\n", ms, ms / (10 * cpus), cpus
			recorded = 0
			for (j = 1; j <= nw; j++) if (st[j] >= start && st[j] < end) recorded++
			printf "windows recorded in the measured periods: %d\n", recorded

			# Where in a window the throughput goes: the windows of the services in one period start within
			# a few seconds of each other (the schedule of each service starts with it), so seconds are
			# counted from the first start of each such group (a start more than half a period after
			# the one before opens a group), the rate of each second set against the quiet rate of its period.
			print ""
			print "throughput by second from the first window start of each period (rate / the period'"'"'s quiet rate):"
			for (j = 1; j <= nw; j++) {
				v = st[j]
				for (k = j - 1; k >= 1 && sorted[k] > v; k--) sorted[k + 1] = sorted[k]
				sorted[k + 1] = v
			}
			for (j = 1; j <= nw; j++) if (j == 1 || sorted[j] > sorted[j - 1] + period / 2) g[++ng] = sorted[j]
			for (i = 1; i <= nr; i++) {
				p = per[i]
				if (p < 1 || p > n || !qn[p]) continue
				best = ""
				for (k = 1; k <= ng; k++) if (g[k] <= t[i] - 1 + 3) best = g[k]
				if (best == "") continue
				# Whole seconds from the group start, rounded down (int() would put the second
				# before the start in the +0 row).
				x = t[i] - 1 - best; o = int(x)
				if (o > x) o--
				if (o > 25 || o >= period - 3) continue
				sum[o] += r[i] / (q[p] / qn[p]); cnt[o]++
			}
			for (j = 1; j <= nw; j++) {
				for (k = ng; k >= 1; k--) if (g[k] <= st[j]) break
				late[svc[j]] += st[j] - g[k]; lc[svc[j]]++; len[svc[j]] += we[j] - guard - st[j]
			}
			for (s in late) printf "  %-20s starts %4.1f s after the first, records %4.1f s and writes its file\n", s, late[s] / lc[s], len[s] / lc[s]
			for (o = -3; o <= 25; o++) if (cnt[o]) printf "  %+3d s  %6.3f  (%d seconds)\n", o, sum[o] / cnt[o], cnt[o]
		}' "$work/windows.tsv" "$work/seconds.tsv"
	echo ""
	echo "samples a second in the measured windows (events in their files over the seconds recorded):"
	awk -F'\t' '
		{ s[$1] += $2; c[$1] += $3; w[$1] += $4; a[$1] += $5; i[$1] = i[$1] " " $6 }
		END {
			printf "  %-20s %8s %8s %8s  %s\n", "service", "cpu", "wall", "alloc", "allocation interval of each window, bytes"
			for (k in s) printf "  %-20s %8.0f %8.0f %8.0f %s\n", k, c[k] / s[k], w[k] / s[k], a[k] / s[k], i[k]
		}' "$work/samples.tsv"
	if [[ $perf == true ]]; then
		echo ""
		perf script -i "$work/perf.data" -F pid,time,ip,sym,dso 2>/dev/null |
			awk -v hz=499 '
			FILENAME == ARGV[1] { t[++n] = $1; cls[n] = $3 ? "window" : "quiet"; req[cls[n]] += $2; next }
			FILENAME == ARGV[2] { svc[$1] = $2; order[++ns] = $2; next }
			{
				# pid time: ip symbol (dso); the symbol may hold spaces.
				ts = $2; sub(/:$/, "", ts); ts += 0
				if (ts <= t[1] - 1 || ts > t[n]) next
				# The second of load it falls in: the first rate stamped at or after it.
				lo = 1; hi = n
				while (lo < hi) { mid = int((lo + hi) / 2); if (t[mid] < ts) lo = mid + 1; else hi = mid }
				c = cls[lo]
				kind = $NF ~ /perf-[0-9]+[.]map/ ? "Java" : $NF ~ /libjvm/ ? "JVM" : $NF ~ /kernel/ ? "kernel" : $NF ~ /libasyncProfiler/ ? "profiler" : "other"
				who = ($1 in svc) ? svc[$1] : "other processes"
				samples[c]++; by[c, who]++; bk[c, who, kind]++
				if (who != "other processes") {
					sym = $4
					for (i = 5; i < NF; i++) sym = sym " " $i
					k = kind == "Java" ? "JIT-compiled Java code of " who : sym " " $NF
					sub(/[(][^ ]*[/]/, "(", k); sub(/-[0-9]+[.]so/, ".so", k); names[k] = 1; sc[c, k]++
				}
			}
			function ms(count, cl) { return 1000 * count / req[cl] / hz }
			END {
				printf "where the CPU goes: ms of CPU per request (Linux perf, %d samples a second per CPU), in\n", hz
				printf "the windows'"'"' seconds against the quiet ones; the change by kind of code:\n"
				printf "  %-20s %8s %8s %8s %8s %8s %8s %8s %8s\n", "", "window", "quiet", "change", "Java", "JVM", "kernel", "profiler", "other"
				order[++ns] = "other processes"  # Zipkin, the load generator, the kernel'\''s own threads
				for (o = 1; o <= ns; o++) {
					s = order[o]
					printf "  %-20s %8.3f %8.3f %+8.3f", s, ms(by["window", s], "window"), ms(by["quiet", s], "quiet"), ms(by["window", s], "window") - ms(by["quiet", s], "quiet")
					split("Java JVM kernel profiler other", kinds, " ")
					for (x = 1; x <= 5; x++) printf " %+8.3f", ms(bk["window", s, kinds[x]], "window") - ms(bk["quiet", s, kinds[x]], "quiet")
					printf "\n"
				}
				printf "  %-20s %8.3f %8.3f %+8.3f  (%d and %d samples)\n", "the machine", ms(samples["window"], "window"), ms(samples["quiet"], "quiet"), ms(samples["window"], "window") - ms(samples["quiet"], "quiet"), samples["window"], samples["quiet"]
				print "the symbols of the four services that grew most in the windows, ms of CPU per request:"
				for (r = 1; r <= 15; r++) {
					best = ""; bd = 0
					for (k in names) if (!(k in shown)) {
						d = ms(sc["window", k], "window") - ms(sc["quiet", k], "quiet")
						if (best == "" || d > bd) { best = k; bd = d }
					}
					if (best == "") break
					shown[best] = 1
					printf "  %+8.4f  %s\n", bd, best
				}
			}' "$work/seconds.tsv" "$work/pids.tsv" -
	fi
} | tee "$result"
