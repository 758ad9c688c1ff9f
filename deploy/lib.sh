# shellcheck shell=bash disable=SC2034  # the globals below are read by the sourcing scripts
# Shared by the deploy/*.sh scripts (sourced, never run): settings, flag parsing,
# dry-run execution and the gcloud checks. Only bash builtins run before
# pw_require_gcloud, so a missing gcloud is reported even on a bare PATH.

if ((BASH_VERSINFO[0] < 4 || (BASH_VERSINFO[0] == 4 && BASH_VERSINFO[1] < 4))); then
	printf 'error: bash 4.4 or newer is needed (this is %s); on macOS: brew install bash\n' "$BASH_VERSION" >&2
	exit 1
fi

PW_DEPLOY_DIR=${BASH_SOURCE[0]%/*}
[[ $PW_DEPLOY_DIR == "${BASH_SOURCE[0]}" ]] && PW_DEPLOY_DIR=.
PW_DEPLOY_DIR=$(CDPATH="" cd -- "$PW_DEPLOY_DIR" && pwd)
PW_ROOT_DIR=${PW_DEPLOY_DIR%/*}

# Deploy order: callees before callers, so each caller is deployed once with its callees' URLs.
# Cloud Run service names are the Maven module names, which are also the spring.application.name
# values the spans (Cloud Trace "/component") and profiles (Cloud Profiler target) carry.
PW_SERVICES=(data-service auth-service api-gateway-service frontend-service)
PW_PUBLIC_SERVICE=frontend-service

# Only what the services need at run time: profiles, traces, logs. No metrics writer: nothing
# in the gcp profile pushes metrics (Cloud Run's own metrics need no role of the service's).
PW_RUNTIME_ROLES=(
	roles/cloudprofiler.agent
	roles/cloudtrace.agent
	roles/logging.logWriter
)

PW_APIS=(
	run.googleapis.com
	artifactregistry.googleapis.com
	cloudprofiler.googleapis.com
	cloudtrace.googleapis.com
	monitoring.googleapis.com
	logging.googleapis.com
)

: "${PROJECT_ID:=}"
: "${REGION:=us-central1}"
: "${REPO:=perfwatch}"
: "${SA_PREFIX:=perfwatch}"
DRY_RUN=false

# Dry-run lines go to fd 3, a copy of the original stdout, so that commands printed from
# inside $(...) still reach the reader in order.
exec 3>&1

# Flags every script understands; a script adds its own to these two maps before pw_parse_args.
declare -A PW_VALUE_FLAGS=([--project]=PROJECT_ID [--region]=REGION [--repo]=REPO [--sa-prefix]=SA_PREFIX)
declare -A PW_SWITCH_FLAGS=([--dry-run]=DRY_RUN)
PW_EXTRA_ARGS=()

PW_COMMON_USAGE="Common options (flags override the environment variable in brackets):
  --project ID      Google Cloud project [PROJECT_ID] (required)
  --region REGION   Cloud Run and Artifact Registry region [REGION] (default us-central1)
  --repo NAME       Artifact Registry docker repository [REPO] (default perfwatch)
  --sa-prefix NAME  prefix of the per-service accounts [SA_PREFIX] (default perfwatch)
  --dry-run         print every gcloud/mvn/curl/java command instead of running it
  -h, --help        show this help"

pw_die() {
	printf 'error: %s\n' "$*" >&2
	exit 1
}

pw_usage_error() {
	printf 'error: %s\n' "$*" >&2
	printf 'Run %s --help for usage.\n' "${0##*/}" >&2
	exit 2
}

pw_info() {
	printf '==> %s\n' "$*" >&2
}

pw_warn() {
	printf 'warning: %s\n' "$*" >&2
}

# pw_parse_args "$@": fills the variables named in PW_VALUE_FLAGS / PW_SWITCH_FLAGS.
# Accepts "--flag value" and "--flag=value"; everything after "--" lands in PW_EXTRA_ARGS.
# The caller defines usage().
pw_parse_args() {
	while (($# > 0)); do
		local flag=$1 value inline=false
		if [[ $flag == --*=* ]]; then
			value=${flag#*=}
			flag=${flag%%=*}
			inline=true
		fi
		case $flag in
		-h | --help)
			usage
			exit 0
			;;
		--)
			shift
			PW_EXTRA_ARGS=("$@")
			return 0
			;;
		esac
		if [[ -n ${PW_SWITCH_FLAGS[$flag]+set} ]]; then
			[[ $inline == true ]] && pw_usage_error "$flag takes no value"
			printf -v "${PW_SWITCH_FLAGS[$flag]}" '%s' true
			shift
		elif [[ -n ${PW_VALUE_FLAGS[$flag]+set} ]]; then
			if [[ $inline == false ]]; then
				(($# >= 2)) || pw_usage_error "$flag needs a value"
				value=$2
				shift
			fi
			[[ -n $value ]] || pw_usage_error "$flag needs a non-empty value"
			printf -v "${PW_VALUE_FLAGS[$flag]}" '%s' "$value"
			shift
		else
			pw_usage_error "unknown option: $1"
		fi
	done
}

# Checks the settings every script needs, before anything is called.
pw_require_settings() {
	[[ -n $PROJECT_ID ]] || pw_usage_error "no project: pass --project ID or set PROJECT_ID"
	[[ $PROJECT_ID =~ ^[a-z][a-z0-9-]{4,28}[a-z0-9]$ ]] ||
		pw_usage_error "'$PROJECT_ID' is not a valid project id (6-30 chars: lowercase letters, digits, hyphens)"
	local service
	for service in "${PW_SERVICES[@]}"; do
		[[ $(pw_sa_id "$service") =~ ^[a-z][a-z0-9-]{4,28}[a-z0-9]$ ]] ||
			pw_usage_error "--sa-prefix '$SA_PREFIX' makes the invalid account id $(pw_sa_id "$service") (6-30 chars: lowercase letters, digits, hyphens)"
	done
}

# A real run stops here without gcloud or an active account; a dry run only warns,
# so the plan can be reviewed on a machine without the Cloud SDK.
pw_require_gcloud() {
	local problem=""
	if ! command -v gcloud >/dev/null 2>&1; then
		problem="gcloud is not installed or not on PATH. Install the Google Cloud CLI (https://cloud.google.com/sdk/docs/install), then run: gcloud auth login"
	else
		local account
		account=$(gcloud auth list --filter=status:ACTIVE --format='value(account)' 2>/dev/null) || account=""
		if [[ -z $account ]]; then
			problem="gcloud has no active account. Run: gcloud auth login (or gcloud auth activate-service-account)"
		fi
	fi
	[[ -z $problem ]] && return 0
	if [[ $DRY_RUN == true ]]; then
		pw_warn "$problem (dry run: carrying on)"
		return 0
	fi
	pw_die "$problem"
}

# Quotes an argument only when the shell needs it, so printed commands stay readable
# and can be pasted back into a shell.
pw_quote() {
	if [[ $1 =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then
		printf '%s' "$1"
	else
		printf "'%s'" "${1//\'/\'\\\'\'}"
	fi
}

pw_format_cmd() {
	local arg line=""
	for arg in "$@"; do
		line+="${line:+ }$(pw_quote "$arg")"
	done
	printf '%s' "$line"
}

# Runs a command that changes something (or costs time: builds, load). A dry run prints it
# on stdout instead; a real run echoes it on stderr first, so stdout stays for results.
pw_run() {
	if [[ $DRY_RUN == true ]]; then
		printf '[dry-run] %s\n' "$(pw_format_cmd "$@")" >&3
		return 0
	fi
	printf '+ %s\n' "$(pw_format_cmd "$@")" >&2
	"$@"
}

# pw_run for calls that may fail while IAM catches up with a just-created account:
# up to PW_RETRY_ATTEMPTS tries, waiting PW_RETRY_DELAY seconds, then twice that, and so on.
pw_run_with_retry() {
	local attempt=1 delay=${PW_RETRY_DELAY:-2}
	until pw_run "$@"; do
		((attempt < ${PW_RETRY_ATTEMPTS:-5})) || return 1
		pw_warn "attempt $attempt failed; retrying in ${delay}s"
		sleep "$delay"
		attempt=$((attempt + 1))
		delay=$((delay * 2))
	done
}

# Runs a read-only query whose stdout the caller consumes. In a dry run nothing is asked:
# the command is printed and the query "fails", so callers take their "does not exist yet" path.
pw_query() {
	if [[ $DRY_RUN == true ]]; then
		printf '[dry-run] %s\n' "$(pw_format_cmd "$@")" >&3
		return 1
	fi
	"$@"
}

pw_sa_email() {
	printf '%s@%s.iam.gserviceaccount.com' "$(pw_sa_id "$1")" "$PROJECT_ID"
}

# One account per service: perfwatch-frontend, perfwatch-api-gateway, perfwatch-auth, perfwatch-data.
pw_sa_id() {
	local short=${1%-service}
	printf '%s-%s' "$SA_PREFIX" "$short"
}

pw_registry() {
	printf '%s-docker.pkg.dev' "$REGION"
}

pw_image_path() {
	printf '%s/%s/%s/%s' "$(pw_registry)" "$PROJECT_ID" "$REPO" "$1"
}

# Prints the https URL of a deployed service; in a dry run a placeholder that names it.
pw_service_url() {
	local url
	if url=$(pw_query gcloud run services describe "$1" --project="$PROJECT_ID" --region="$REGION" \
		--format='value(status.url)') && [[ -n $url ]]; then
		printf '%s' "$url"
	elif [[ $DRY_RUN == true ]]; then
		printf '<%s-url>' "$1"
	else
		pw_die "Cloud Run service $1 not found in $PROJECT_ID/$REGION. Run deploy/deploy.sh first."
	fi
}

# Cloud Monitoring REST API: shared by apply-monitoring.sh (creates) and cleanup.sh (deletes).
: "${MONITORING_API_BASE:=https://monitoring.googleapis.com}"
PW_MONITORING_DIR=$PW_ROOT_DIR/monitoring/cloud
# The custom Service that holds the SLOs of monitoring/cloud/slos.
PW_MONITORING_SERVICE_ID=perfwatch-frontend
# Upper bound on dashboard list pages read (1000 dashboards each).
PW_MAX_DASHBOARD_PAGES=5
# Set by the calling script from gcloud auth print-access-token before the first real pw_api call.
ACCESS_TOKEN=""

# pw_api METHOD URL [BODY_NAME BODY] [-- curl arguments]: one Monitoring API request. Sets
# API_STATUS (the HTTP status) and API_BODY (the response). A dry run prints the request
# and answers 404, so GETs take their "does not exist yet" path and every write is shown.
# The token goes through curl's config from a pipe: never in argv (ps) nor in the output.
pw_api() {
	local method=$1 url=$2 body_name="" body="" extra=()
	shift 2
	if (($# > 0)) && [[ $1 != -- ]]; then
		body_name=$1 body=$2
		shift 2
	fi
	[[ ${1-} == -- ]] && extra=("${@:2}")
	local args=(-sS --max-time 60 -X "$method" "${extra[@]}" "$url")
	[[ -n $body_name ]] && args+=(-H 'Content-Type: application/json' --data-binary "@$body_name")
	if [[ $DRY_RUN == true ]]; then
		printf '[dry-run] %s\n' "$(pw_format_cmd curl -H "Authorization: Bearer \$(gcloud auth print-access-token)" "${args[@]}")" >&3
		API_STATUS=404 API_BODY=""
		return 0
	fi
	[[ $method == GET ]] || printf '+ %s\n' "$(pw_format_cmd curl "${args[@]}")" >&2
	if [[ -n $body_name ]]; then
		args[-1]=@-
	fi
	local response
	response=$(curl --config <(printf 'header = "Authorization: Bearer %s"\n' "$ACCESS_TOKEN") \
		-w '\n%{http_code}' "${args[@]}" <<<"$body") || pw_die "curl could not reach $url"
	API_STATUS=${response##*$'\n'}
	API_BODY=${response%$'\n'*}
}

pw_api_failed() {
	pw_die "$1: HTTP $API_STATUS from the Monitoring API: $API_BODY"
}

# Prints the resource name (projects/.../KIND/ID) in API_BODY, the top-level "name" of a
# create/patch/get answer.
pw_resource_name() {
	local pattern="\"name\"[[:space:]]*:[[:space:]]*\"(projects/[^\"]+/$1)\""
	[[ $API_BODY =~ $pattern ]] || pw_die "no $1 name in the Monitoring API's answer: $API_BODY"
	printf '%s' "${BASH_REMATCH[1]}"
}

# Prints the name of the first listed resource whose displayName is $1, reading an answer
# narrowed with fields=...(name,displayName): flat objects, so each {...} holds one resource.
pw_find_by_display_name() {
	local wanted=$1 object name_pattern='"name"[[:space:]]*:[[:space:]]*"([^"]+)"'
	local display_pattern='"displayName"[[:space:]]*:[[:space:]]*"((\\.|[^"\\])*)"'
	local objects=${API_BODY//\}/$'\x1e'}
	while IFS= read -r -d $'\x1e' object; do
		[[ $object =~ $display_pattern && ${BASH_REMATCH[1]} == "$wanted" ]] || continue
		[[ $object =~ $name_pattern ]] && printf '%s' "${BASH_REMATCH[1]}" && return 0
	done <<<"$objects"
	return 1
}

pw_display_name_of() {
	local pattern='"displayName"[[:space:]]*:[[:space:]]*"((\\.|[^"\\])*)"'
	[[ $1 =~ $pattern ]] || pw_die "no displayName in monitoring/cloud/$2"
	printf '%s' "${BASH_REMATCH[1]}"
}

# The dashboards API has no filter: page through the list for the display name.
pw_find_dashboard() {
	local url=$1 display=$2 page=1 page_token="" token_pattern='"nextPageToken"[[:space:]]*:[[:space:]]*"([^"]+)"'
	while ((page <= PW_MAX_DASHBOARD_PAGES)); do
		local args=(-G --data-urlencode 'fields=dashboards(name,displayName),nextPageToken' --data-urlencode pageSize=1000)
		[[ -n $page_token ]] && args+=(--data-urlencode "pageToken=$page_token")
		pw_api GET "$url" -- "${args[@]}"
		case $API_STATUS in
		200) ;;
		404) return 1 ;;
		*) pw_api_failed "listing dashboards" ;;
		esac
		pw_find_by_display_name "$display" && return 0
		[[ $API_BODY =~ $token_pattern ]] || return 1
		page_token=${BASH_REMATCH[1]}
		page=$((page + 1))
	done
	return 1
}
