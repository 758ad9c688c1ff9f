#!/usr/bin/env bash
# Applies monitoring/cloud to a Google Cloud project through the Cloud Monitoring REST API:
# the frontend custom Service and its SLOs (created or patched by id), the alert policies and
# the dashboard (updated in place when one with the same display name exists, created
# otherwise). Safe to run again: a second run updates, it never duplicates.
set -euo pipefail

here=${BASH_SOURCE[0]%/*}
[[ $here == "${BASH_SOURCE[0]}" ]] && here=.
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"

: "${NOTIFICATION_CHANNELS:=}"
RENDER_TO=""
PW_VALUE_FLAGS[--notification-channels]=NOTIFICATION_CHANNELS
PW_VALUE_FLAGS[--render-to]=RENDER_TO
CLOUD_DIR=$PW_MONITORING_DIR
SERVICE_ID=$PW_MONITORING_SERVICE_ID


usage() {
	cat <<USAGE
Usage: ${0##*/} --project ID [options]

Applies monitoring/cloud through the Cloud Monitoring API [MONITORING_API_BASE]
(default https://monitoring.googleapis.com):
  - service.json       the custom Service $SERVICE_ID (created, or patched when it exists)
  - slos/ID.json       its SLOs, id = file name (created, or patched when they exist)
  - alerts/*.json      alert policies, matched by display name (updated in place, or created)
  - dashboard.json     the dashboard, matched by display name (updated in place, or created)
Burn-rate policies name their SLO as projects/\${PROJECT_ID}/services/$SERVICE_ID/serviceLevelObjectives/ID;
a real run replaces that with the SLO's resource name as the API returned it.

Options:
  --notification-channels NAMES  comma-separated channels (projects/ID/notificationChannels/NUM)
                    that every alert policy notifies [NOTIFICATION_CHANNELS]; without it, a
                    policy's existing channels are kept on update
  --render-to DIR   only write the files, placeholders substituted, into DIR and stop
                    (needs neither gcloud nor curl)

Placeholders: \${PROJECT_ID} is replaced by the project id. Any other \${UPPER_CASE} name left
in a file is an error. Lower-case names such as \${resource.label.service_name} belong to
Cloud Monitoring and are kept.
$PW_COMMON_USAGE
USAGE
}

# render_file FILE: prints FILE with the placeholders substituted and, for alert policies,
# the notification channels added. Bash builtins only, so a dry run works on a bare PATH.
render_file() {
	local file=$1 content name=${1#"$CLOUD_DIR"/}
	content=$(<"$file")
	content=${content//"\${PROJECT_ID}"/$PROJECT_ID}
	if [[ $content =~ \$\{[A-Z_][A-Z0-9_]*\} ]]; then
		pw_die "unknown placeholder ${BASH_REMATCH[0]} in monitoring/cloud/$name"
	fi
	if [[ $name == alerts/* ]]; then
		check_slo_references "$name" "$content"
		if [[ -n $NOTIFICATION_CHANNELS ]]; then
			content="{"$'\n'"  \"notificationChannels\": [\"${NOTIFICATION_CHANNELS//,/\", \"}\"],${content#\{}"
		fi
	fi
	printf '%s\n' "$content"
}

# A burn-rate policy naming an SLO that monitoring/cloud/slos does not define would be
# rejected by the API half-way through a run; fail before anything is sent instead.
check_slo_references() {
	local name=$1 rest=$2
	local pattern="projects/$PROJECT_ID/services/$SERVICE_ID/serviceLevelObjectives/([A-Za-z0-9_-]+)"
	while [[ $rest =~ $pattern ]]; do
		[[ -f $CLOUD_DIR/slos/${BASH_REMATCH[1]}.json ]] ||
			pw_die "monitoring/cloud/$name references the SLO ${BASH_REMATCH[1]}, but there is no slos/${BASH_REMATCH[1]}.json"
		rest=${rest#*"${BASH_REMATCH[0]}"}
	done
}

render_to_directory() {
	local file target
	for file in "$CLOUD_DIR"/*.json "$CLOUD_DIR"/slos/*.json "$CLOUD_DIR"/alerts/*.json; do
		target=$RENDER_TO/${file#"$CLOUD_DIR"/}
		mkdir -p -- "${target%/*}"
		render_file "$file" >"$target"
	done
	pw_info "Rendered monitoring/cloud for $PROJECT_ID into $RENDER_TO"
}

check_notification_channels() {
	local channel channels
	IFS=, read -r -a channels <<<"$NOTIFICATION_CHANNELS"
	for channel in "${channels[@]}"; do
		[[ $channel =~ ^projects/[^/]+/notificationChannels/[0-9]+$ ]] ||
			pw_usage_error "--notification-channels: '$channel' is not projects/ID/notificationChannels/NUMBER"
	done
}

apply_service() {
	local url=$MONITORING_API_BASE/v3/projects/$PROJECT_ID/services body
	body=$(render_file "$CLOUD_DIR/service.json")
	pw_info "Service $SERVICE_ID"
	pw_api GET "$url/$SERVICE_ID"
	case $API_STATUS in
	200) pw_api PATCH "$url/$SERVICE_ID?updateMask=displayName,userLabels" monitoring/cloud/service.json "$body" ;;
	404) pw_api POST "$url?serviceId=$SERVICE_ID" monitoring/cloud/service.json "$body" ;;
	*) pw_api_failed "reading service $SERVICE_ID" ;;
	esac
	[[ $DRY_RUN == true || $API_STATUS == 200 ]] || pw_api_failed "writing service $SERVICE_ID"
}

# Fills SLO_NAMES[id] with each SLO's resource name as the API returned it.
declare -A SLO_NAMES=()
apply_slos() {
	local url=$MONITORING_API_BASE/v3/projects/$PROJECT_ID/services/$SERVICE_ID/serviceLevelObjectives
	local file id body
	for file in "$CLOUD_DIR"/slos/*.json; do
		id=${file##*/}
		id=${id%.json}
		body=$(render_file "$file")
		pw_info "SLO $id"
		pw_api GET "$url/$id"
		case $API_STATUS in
		200) pw_api PATCH "$url/$id?updateMask=displayName,goal,rollingPeriod,serviceLevelIndicator,userLabels" \
			"monitoring/cloud/slos/$id.json" "$body" ;;
		404) pw_api POST "$url?serviceLevelObjectiveId=$id" "monitoring/cloud/slos/$id.json" "$body" ;;
		*) pw_api_failed "reading SLO $id" ;;
		esac
		if [[ $DRY_RUN == true ]]; then
			SLO_NAMES[$id]=projects/$PROJECT_ID/services/$SERVICE_ID/serviceLevelObjectives/$id
		else
			[[ $API_STATUS == 200 ]] || pw_api_failed "writing SLO $id"
			SLO_NAMES[$id]=$(pw_resource_name "services/[^\"/]+/serviceLevelObjectives/$id")
		fi
	done
}

# Points a policy's select_slo_* filters at the SLO names the API gave back, which carry the
# project number where the files have the project id.
resolve_slo_names() {
	local content=$1 id
	for id in "${!SLO_NAMES[@]}"; do
		content=${content//"projects/$PROJECT_ID/services/$SERVICE_ID/serviceLevelObjectives/$id\\\""/"${SLO_NAMES[$id]}\\\""}
	done
	printf '%s\n' "$content"
}

apply_alert_policies() {
	local url=$MONITORING_API_BASE/v3/projects/$PROJECT_ID/alertPolicies file body display existing
	local mask=displayName,documentation,userLabels,conditions,combiner,alertStrategy
	[[ -n $NOTIFICATION_CHANNELS ]] && mask+=,notificationChannels
	for file in "$CLOUD_DIR"/alerts/*.json; do
		body=$(render_file "$file")
		body=$(resolve_slo_names "$body")
		display=$(pw_display_name_of "$body" "${file#"$CLOUD_DIR"/}")
		pw_info "Alert policy: $display"
		pw_api GET "$url" -- -G --data-urlencode "filter=display_name=\"$display\"" \
			--data-urlencode 'fields=alertPolicies(name,displayName)' --data-urlencode pageSize=1000
		case $API_STATUS in
		200 | 404) ;;
		*) pw_api_failed "listing alert policies" ;;
		esac
		if existing=$(pw_find_by_display_name "$display"); then
			pw_api PATCH "$MONITORING_API_BASE/v3/$existing?updateMask=$mask" "monitoring/cloud/${file#"$CLOUD_DIR"/}" "$body"
		else
			pw_api POST "$url" "monitoring/cloud/${file#"$CLOUD_DIR"/}" "$body"
		fi
		[[ $DRY_RUN == true || $API_STATUS == 200 ]] || pw_api_failed "writing alert policy '$display'"
	done
}

apply_dashboard() {
	local url=$MONITORING_API_BASE/v1/projects/$PROJECT_ID/dashboards body display existing
	body=$(render_file "$CLOUD_DIR/dashboard.json")
	display=$(pw_display_name_of "$body" dashboard.json)
	pw_info "Dashboard: $display"
	if existing=$(pw_find_dashboard "$url" "$display"); then
		pw_api PATCH "$MONITORING_API_BASE/v1/$existing" monitoring/cloud/dashboard.json "$body"
	else
		pw_api POST "$url" monitoring/cloud/dashboard.json "$body"
	fi
	[[ $DRY_RUN == true || $API_STATUS == 200 ]] || pw_api_failed "writing dashboard '$display'"
}

pw_parse_args "$@"
pw_require_settings
[[ -d $CLOUD_DIR ]] || pw_die "monitoring/cloud not found next to deploy/ ($CLOUD_DIR)"
[[ -z $NOTIFICATION_CHANNELS ]] || check_notification_channels
if [[ -n $RENDER_TO ]]; then
	render_to_directory
	exit 0
fi
pw_require_gcloud

ACCESS_TOKEN=""
if [[ $DRY_RUN == false ]]; then
	command -v curl >/dev/null 2>&1 || pw_die "curl is not installed or not on PATH"
	ACCESS_TOKEN=$(gcloud auth print-access-token) || pw_die "gcloud auth print-access-token failed"
else
	pw_info "Dry run: request bodies are the files with \${PROJECT_ID} replaced (see them with --render-to DIR)"
fi

apply_service
apply_slos
apply_alert_policies
apply_dashboard

if [[ $DRY_RUN == true ]]; then
	pw_info "Dry run: nothing was sent"
else
	pw_info "Done: https://console.cloud.google.com/monitoring/dashboards?project=$PROJECT_ID"
fi
