#!/usr/bin/env bash
# Checks a deployment end to end: every service answers /health (the private ones only with
# an ID token, and refuse calls without one), Cloud Trace and Cloud Profiler hold data from
# every service (asked through their APIs), and Cloud Logging holds what the recipe's own
# validation steps look for: the profiler agent's start line and JSON entries with a trace id.
set -euo pipefail

here=${BASH_SOURCE[0]%/*}
[[ $here == "${BASH_SOURCE[0]}" ]] && here=.
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"

: "${SINCE_MINUTES:=60}"
: "${TRACE_API_BASE:=https://cloudtrace.googleapis.com}"
: "${PROFILER_API_BASE:=https://cloudprofiler.googleapis.com}"
PW_VALUE_FLAGS[--since]=SINCE_MINUTES
# Upper bound on profile list pages read (1000 profiles each).
MAX_PROFILE_PAGES=5
# The first line the Cloud Profiler Java agent logs once the JVM has loaded it (Agent_OnLoad in
# the agent's src/entry.cc, a glog INFO line, on stderr with -logtostderr), such as
#   I1202 10:00:00.000000     1 entry.cc:275] Google Cloud Profiler Java agent version: <version>
# Not just "Profiler": the image's launcher prints "launch: Cloud Profiler agent on|off (...)"
# itself, also when the agent is switched off or never loads.
AGENT_START_LINE='Google Cloud Profiler Java agent version'

usage() {
	cat <<USAGE
Usage: ${0##*/} --project ID [options]

Checks, for each of ${PW_SERVICES[*]}:
  - GET <service URL>/health answers 2xx (frontend without credentials, the others with
    "Authorization: Bearer \$(gcloud auth print-identity-token)"), and the private ones
    answer 401/403 without a token;
  - Cloud Trace lists a trace from the last SINCE minutes with a span whose /component
    label is the service (GET TRACE_API_BASE/v1/projects/PROJECT/traces);
  - Cloud Profiler lists a profile whose deployment target is the service
    (GET PROFILER_API_BASE/v2/projects/PROJECT/profiles);
  - Cloud Logging holds, from the last SINCE minutes, the Cloud Profiler agent's own start
    line on the service's stderr
      textPayload:"$AGENT_START_LINE"
    (the launcher's "launch: Cloud Profiler agent on|off" line does not count), and a JSON
    entry joined to a trace (jsonPayload.trace_id, and the entry's trace field
    projects/PROJECT/traces/ID): the recipe's two log checks (gcloud logging read).
Exits non-zero when any check fails. Run deploy/load.sh first: spans need requests, and
the profiler agent sends its first profiles a few minutes after start.

Options:
  --since MINUTES   how far back to look for traces and logs [SINCE_MINUTES] (default 60)
  API endpoints: [TRACE_API_BASE] (default https://cloudtrace.googleapis.com),
                 [PROFILER_API_BASE] (default https://cloudprofiler.googleapis.com)
$PW_COMMON_USAGE
USAGE
}

failures=()
pass() {
	printf 'ok    %s\n' "$*"
}
fail() {
	printf 'FAIL  %s\n' "$*"
	failures+=("$*")
}

# curl with a Google token of the given kind (identity or access). The header goes through
# curl's config on stdin, so the token is never in argv (ps) nor in the printed command.
authed_curl() {
	local kind=$1
	shift
	if [[ $DRY_RUN == true ]]; then
		printf '[dry-run] %s\n' "$(pw_format_cmd curl -H "Authorization: Bearer \$(gcloud auth print-$kind-token)" "$@")" >&3
		return 0
	fi
	local token=$ACCESS_TOKEN
	[[ $kind == identity ]] && token=$IDENTITY_TOKEN
	printf 'header = "Authorization: Bearer %s"\n' "$token" | curl --config - "$@"
}

check_public_health() {
	local service=$1 url=$2
	if pw_query curl -fsS --max-time 60 --retry 2 -o /dev/null "$url/health"; then
		pass "$service healthy at $url (public)"
	elif [[ $DRY_RUN == false ]]; then
		fail "$service: GET $url/health failed without credentials"
	fi
}

check_private_health() {
	local service=$1 url=$2 code
	if authed_curl identity -fsS --max-time 60 --retry 2 -o /dev/null "$url/health"; then
		[[ $DRY_RUN == true ]] || pass "$service healthy at $url with an ID token"
	else
		fail "$service: GET $url/health failed with an ID token"
	fi
	if code=$(pw_query curl -sS --max-time 60 -o /dev/null -w '%{http_code}' "$url/health"); then
		case $code in
		401 | 403) pass "$service refuses calls without a token (HTTP $code)" ;;
		*) fail "$service answered HTTP $code without a token: it must be deployed --no-allow-unauthenticated" ;;
		esac
	elif [[ $DRY_RUN == false ]]; then
		fail "$service: GET $url/health without a token did not get an HTTP answer"
	fi
}

check_traces() {
	local service=$1 start=$2 body
	body=$(authed_curl access -fsS --max-time 60 -G "$TRACE_API_BASE/v1/projects/$PROJECT_ID/traces" \
		--data-urlencode view=MINIMAL --data-urlencode pageSize=1 --data-urlencode "startTime=$start" \
		--data-urlencode "filter=+/component:$service") || {
		fail "$service: Cloud Trace API call failed (is cloudtrace.googleapis.com enabled?)"
		return 0
	}
	[[ $DRY_RUN == true ]] && return 0
	if [[ $body == *'"traceId"'* ]]; then
		pass "$service spans in Cloud Trace since $start"
	else
		fail "$service: no trace with a $service span since $start (run deploy/load.sh; export takes ~1 min)"
	fi
}

check_profiles() {
	local missing=("${PW_SERVICES[@]}") page=1 page_token="" body service still_missing pattern
	local token_pattern='"nextPageToken"[[:space:]]*:[[:space:]]*"([^"]+)"'
	while ((page <= MAX_PROFILE_PAGES)); do
		local args=(-fsS --max-time 60 -G "$PROFILER_API_BASE/v2/projects/$PROJECT_ID/profiles" --data-urlencode pageSize=1000)
		[[ -n $page_token ]] && args+=(--data-urlencode "pageToken=$page_token")
		body=$(authed_curl access "${args[@]}") || {
			fail "Cloud Profiler API call failed (is cloudprofiler.googleapis.com enabled?)"
			return 0
		}
		[[ $DRY_RUN == true ]] && return 0
		still_missing=()
		for service in "${missing[@]}"; do
			pattern="\"target\"[[:space:]]*:[[:space:]]*\"$service\""
			if [[ $body =~ $pattern ]]; then
				pass "$service profiles in Cloud Profiler"
			else
				still_missing+=("$service")
			fi
		done
		missing=("${still_missing[@]}")
		if ((${#missing[@]} == 0)) || [[ ! $body =~ $token_pattern ]]; then
			break
		fi
		page_token=${BASH_REMATCH[1]}
		page=$((page + 1))
	done
	for service in "${missing[@]}"; do
		fail "$service: no profile in Cloud Profiler (the agent's first upload takes a few minutes under load)"
	done
}

# The recipe's "Verify Cloud Profiler data collection" and "Validate Cloud Trace data
# collection" queries, narrowed to one service and to the last SINCE minutes.
check_logs() {
	local service=$1
	local revision="resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"$service\""
	check_log "$service" "Cloud Profiler agent's start line in Cloud Logging" \
		"no start line of the Cloud Profiler agent in its logs (image built without -Pgcp? CPROF_ENABLED=false? -logtostderr,-minloglevel=0 missing from the agent flags?)" \
		"$revision AND textPayload:\"$AGENT_START_LINE\""
	check_log "$service" "log entries joined to traces" \
		"no JSON log entry with a trace (run deploy/load.sh; is the gcp profile active?)" \
		"$revision AND jsonPayload.trace_id!=\"\" AND trace:\"projects/$PROJECT_ID/traces/\""
}

check_log() {
	local service=$1 found=$2 absent=$3 filter=$4 newest
	if newest=$(read_logs "$filter"); then
		if [[ -n $newest ]]; then
			pass "$service $found"
		else
			fail "$service: $absent"
		fi
	elif [[ $DRY_RUN == false ]]; then
		fail "$service: gcloud logging read failed (is logging.googleapis.com enabled?)"
	fi
}

# Prints the timestamp of the newest entry matching the filter; nothing when there is none.
read_logs() {
	pw_query gcloud logging read "$1" --project="$PROJECT_ID" --freshness="${SINCE_MINUTES}m" --limit=1 \
		--format='value(timestamp)'
}

pw_parse_args "$@"
pw_require_settings
[[ $SINCE_MINUTES =~ ^[1-9][0-9]*$ ]] || pw_usage_error "--since must be a positive number of minutes"
pw_require_gcloud

IDENTITY_TOKEN=""
ACCESS_TOKEN=""
if [[ $DRY_RUN == false ]]; then
	IDENTITY_TOKEN=$(gcloud auth print-identity-token) || pw_die "gcloud auth print-identity-token failed"
	ACCESS_TOKEN=$(gcloud auth print-access-token) || pw_die "gcloud auth print-access-token failed"
fi

pw_info "Service health"
for service in "${PW_SERVICES[@]}"; do
	url=$(pw_service_url "$service")
	if [[ $service == "$PW_PUBLIC_SERVICE" ]]; then
		check_public_health "$service" "$url"
	else
		check_private_health "$service" "$url"
	fi
done

pw_info "Traces in Cloud Trace"
printf -v now '%(%s)T' -1
start=$(TZ=UTC printf '%(%Y-%m-%dT%H:%M:%SZ)T' $((now - SINCE_MINUTES * 60)))
for service in "${PW_SERVICES[@]}"; do
	check_traces "$service" "$start"
done

pw_info "Profiles in Cloud Profiler"
check_profiles

pw_info "Logs in Cloud Logging"
for service in "${PW_SERVICES[@]}"; do
	check_logs "$service"
done

if [[ $DRY_RUN == true ]]; then
	pw_info "Dry run: nothing was checked"
elif ((${#failures[@]} > 0)); then
	pw_info "${#failures[@]} check(s) failed. Console: https://console.cloud.google.com/traces/list?project=$PROJECT_ID and https://console.cloud.google.com/profiler?project=$PROJECT_ID"
	exit 1
else
	pw_info "All checks passed"
fi
