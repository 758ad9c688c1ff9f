#!/usr/bin/env bash
# Applies monitoring/cloud to a Google Cloud project through the Cloud Monitoring REST API:
# the frontend Service and its SLOs, the alert policies (created or replaced by display name)
# and the dashboard (replaced by display name). Safe to run again.
set -euo pipefail

usage() {
	cat <<'EOF'
Usage: deploy/apply-monitoring.sh [--project ID] [--dry-run] [--render-to DIR]
                                  [--notification-channels NAMES]

Applies the Cloud Monitoring dashboard, alert policies and SLOs in monitoring/cloud.

Options (flags override the environment variable in brackets):
  --project ID                 Google Cloud project [PROJECT_ID] (required)
  --notification-channels N    comma-separated channel names (projects/ID/notificationChannels/NUM)
                               that every alert policy notifies [NOTIFICATION_CHANNELS]
  --dry-run                    render the files and print every API request instead of sending it
                               (needs neither gcloud nor a login)
  --render-to DIR              only render the files into DIR (placeholders substituted) and stop
  -h, --help                   show this help

Placeholders: the files under monitoring/cloud may contain ${PROJECT_ID}; it is replaced by the
project id. Any other ${UPPER_CASE} name left in a file is an error. Lower-case ${...} names such
as ${resource.label.service_name} belong to Cloud Monitoring and are kept.
Needs: bash, curl, sed, grep; gcloud logged in (gcloud auth login) unless --dry-run/--render-to.
EOF
}

die() {
	printf 'error: %s\n' "$*" >&2
	exit 1
}

info() {
	printf '==> %s\n' "$*" >&2
}

# Dry-run lines go to fd 3, a copy of stdout, because api's own output is discarded by callers.
exec 3>&1

script_dir=$(CDPATH="" cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
cloud_dir="$script_dir/../monitoring/cloud"
monitoring_api=https://monitoring.googleapis.com
frontend_service_id=perfwatch-frontend

PROJECT_ID=${PROJECT_ID:-}
NOTIFICATION_CHANNELS=${NOTIFICATION_CHANNELS:-}
dry_run=false
render_to=""

while (($# > 0)); do
	case $1 in
		--project) PROJECT_ID=${2:?--project needs a value}; shift 2 ;;
		--project=*) PROJECT_ID=${1#*=}; shift ;;
		--notification-channels) NOTIFICATION_CHANNELS=${2:?--notification-channels needs a value}; shift 2 ;;
		--notification-channels=*) NOTIFICATION_CHANNELS=${1#*=}; shift ;;
		--dry-run) dry_run=true; shift ;;
		--render-to) render_to=${2:?--render-to needs a directory}; shift 2 ;;
		--render-to=*) render_to=${1#*=}; shift ;;
		-h | --help) usage; exit 0 ;;
		*) printf 'error: unknown argument: %s\nRun %s --help for usage.\n' "$1" "${0##*/}" >&2; exit 2 ;;
	esac
done

[[ -n $PROJECT_ID ]] || die "no project: pass --project ID or set PROJECT_ID"
[[ $PROJECT_ID =~ ^[a-z][a-z0-9-]{4,28}[a-z0-9]$ ]] || die "not a Google Cloud project id: $PROJECT_ID"
[[ -d $cloud_dir ]] || die "monitoring/cloud not found next to deploy/ ($cloud_dir)"

# Copies every JSON file of monitoring/cloud into $1 with the placeholders substituted.
render() {
	local out=$1 file target channels_json=""
	if [[ -n $NOTIFICATION_CHANNELS ]]; then
		channels_json="\"${NOTIFICATION_CHANNELS//,/\",\"}\""
	fi
	while IFS= read -r file; do
		target="$out/${file#"$cloud_dir"/}"
		mkdir -p "$(dirname -- "$target")"
		sed "s|\${PROJECT_ID}|$PROJECT_ID|g" "$file" >"$target"
		if [[ -n $channels_json && $target == */alerts/* ]]; then
			sed -i "1a\\  \"notificationChannels\": [$channels_json]," "$target"
		fi
		if grep -qE '\$\{[A-Z_]+\}' "$target"; then
			die "unknown placeholder left in ${file#"$cloud_dir"/}: $(grep -oE '\$\{[A-Z_]+\}' "$target" | head -1)"
		fi
	done < <(find "$cloud_dir" -name '*.json' | sort)
}

if [[ -n $render_to ]]; then
	mkdir -p "$render_to"
	render "$render_to"
	info "Rendered monitoring/cloud for $PROJECT_ID into $render_to"
	exit 0
fi

work_dir=$(mktemp -d)
trap 'rm -rf -- "$work_dir"' EXIT
render "$work_dir"

token=""
if [[ $dry_run == false ]]; then
	command -v curl >/dev/null || die "curl not found on PATH"
	command -v gcloud >/dev/null ||
		die "gcloud not found on PATH: install the Google Cloud CLI (https://cloud.google.com/sdk/docs/install), or use --dry-run"
	[[ -n $(gcloud auth list --filter=status:ACTIVE --format='value(account)' 2>/dev/null) ]] ||
		die "gcloud is not logged in: run 'gcloud auth login' (or activate a service account) first"
	token=$(gcloud auth print-access-token) || die "gcloud could not print an access token"
fi

# api METHOD URL [BODY_FILE]: sends one request and prints the response body.
api() {
	local method=$1 url=$2 body=${3:-}
	if [[ $dry_run == true ]]; then
		printf 'DRY-RUN: %s %s%s\n' "$method" "$url" "${body:+ < ${body#"$work_dir"/}}" >&3
		return 0
	fi
	local args=(-sS --fail-with-body -X "$method" -H "Authorization: Bearer $token"
		-H "Content-Type: application/json")
	[[ -n $body ]] && args+=(--data-binary "@$body")
	curl "${args[@]}" "$url"
}

# exists URL: true when GET URL answers 200.
exists() {
	[[ $dry_run == true ]] && return 1
	[[ $(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$1") == 200 ]]
}

# display_name FILE: the top-level displayName of a rendered file (the first one in it).
display_name() {
	grep -m1 -oE '"displayName": "[^"]*"' "$1" | sed -E 's/^"displayName": "(.*)"$/\1/'
}

v3="$monitoring_api/v3/projects/$PROJECT_ID"
service_url="$v3/services/$frontend_service_id"

info "Service $frontend_service_id"
if exists "$service_url"; then
	api PATCH "$service_url?updateMask=displayName,userLabels" "$work_dir/service.json" >/dev/null
else
	api POST "$v3/services?serviceId=$frontend_service_id" "$work_dir/service.json" >/dev/null
fi

for slo in "$work_dir"/slos/*.json; do
	slo_id=$(basename -- "$slo" .json)
	info "SLO $slo_id"
	if exists "$service_url/serviceLevelObjectives/$slo_id"; then
		api PATCH "$service_url/serviceLevelObjectives/$slo_id?updateMask=displayName,goal,rollingPeriod,serviceLevelIndicator,userLabels" \
			"$slo" >/dev/null
	else
		api POST "$service_url/serviceLevelObjectives?serviceLevelObjectiveId=$slo_id" "$slo" >/dev/null
	fi
done

for policy in "$work_dir"/alerts/*.json; do
	name=$(display_name "$policy")
	info "Alert policy: $name"
	existing=""
	if [[ $dry_run == false ]]; then
		existing=$(curl -sS --fail-with-body -G -H "Authorization: Bearer $token" \
			--data-urlencode "filter=display_name=\"$name\"" "$v3/alertPolicies" |
			grep -oE '"name": *"projects/[^"/]+/alertPolicies/[0-9]+"' | head -1 | sed -E 's/.*"(projects[^"]+)"/\1/') || true
	fi
	if [[ -n $existing ]]; then
		api PATCH "$monitoring_api/v3/$existing" "$policy" >/dev/null
	else
		api POST "$v3/alertPolicies" "$policy" >/dev/null
	fi
done

dashboard="$work_dir/dashboard.json"
name=$(display_name "$dashboard")
info "Dashboard: $name"
if [[ $dry_run == false ]]; then
	while IFS= read -r old; do
		[[ -n $old ]] && api DELETE "$monitoring_api/v1/$old" >/dev/null
	done < <(gcloud monitoring dashboards list --project="$PROJECT_ID" \
		--filter="displayName=\"$name\"" --format='value(name)')
fi
api POST "$monitoring_api/v1/projects/$PROJECT_ID/dashboards" "$dashboard" >/dev/null
info "Done: https://console.cloud.google.com/monitoring/dashboards?project=$PROJECT_ID"
