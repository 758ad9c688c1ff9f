#!/usr/bin/env bash
# Removes what setup.sh, deploy.sh and apply-monitoring.sh created: the alert policies, the
# dashboard, the custom Service and its SLOs, the Cloud Run services (with their invoker
# bindings), the images and the repository, the service accounts with their project-level
# role bindings. The project itself goes only with --delete-project.
set -euo pipefail

here=${BASH_SOURCE[0]%/*}
[[ $here == "${BASH_SOURCE[0]}" ]] && here=.
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"

DELETE_PROJECT=false
ASSUME_YES=false
PW_SWITCH_FLAGS[--delete-project]=DELETE_PROJECT
PW_SWITCH_FLAGS[--yes]=ASSUME_YES

usage() {
	cat <<USAGE
Usage: ${0##*/} --project ID [options]

Deletes what apply-monitoring.sh created through the Cloud Monitoring API [MONITORING_API_BASE]
(default https://monitoring.googleapis.com): the alert policies and the dashboard, matched by
the display names in monitoring/cloud (alerting is billed per condition), the SLOs and the
custom Service $PW_MONITORING_SERVICE_ID, by id. Then the services ${PW_SERVICES[*]},
their images and the Artifact Registry repository REPO, and the per-service accounts after
removing their project-level role bindings. Leaves the enabled APIs and the project.
Run it with --dry-run first: it lists every deletion.

Options:
  --delete-project  delete the whole project instead (everything in it goes; a deleted
                    project can be restored for about 30 days)
  --yes             do not ask for confirmation
$PW_COMMON_USAGE
USAGE
}

confirm() {
	[[ $ASSUME_YES == true || $DRY_RUN == true ]] && return 0
	[[ -t 0 ]] || pw_die "not asking on a non-interactive stdin: pass --yes to confirm"
	local answer
	read -r -p "$1 Type the project id to confirm: " answer
	[[ $answer == "$PROJECT_ID" ]] || pw_die "not confirmed; nothing deleted"
}

# DELETEs URL when a GET finds it; a dry run shows the delete, as it cannot know what exists.
delete_if_exists() {
	local what=$1 url=$2
	pw_api GET "$url"
	case $API_STATUS in
	200 | 404) ;;
	*) pw_api_failed "reading $what" ;;
	esac
	if [[ $API_STATUS == 404 && $DRY_RUN == false ]]; then
		pw_info "$what: not found"
		return 0
	fi
	pw_api DELETE "$url"
	[[ $DRY_RUN == true || $API_STATUS == 200 ]] || pw_api_failed "deleting $what"
}

# Every policy with the display name of one in monitoring/cloud/alerts (an interrupted apply
# may have left two), up to 10. Policies go before the SLOs their filters name.
delete_alert_policies() {
	local url=$MONITORING_API_BASE/v3/projects/$PROJECT_ID/alertPolicies file display name left
	for file in "$PW_MONITORING_DIR"/alerts/*.json; do
		display=$(pw_display_name_of "$(<"$file")" "${file#"$PW_MONITORING_DIR"/}")
		for ((left = 10; left > 0; left--)); do
			pw_api GET "$url" -- -G --data-urlencode "filter=display_name=\"$display\"" \
				--data-urlencode 'fields=alertPolicies(name,displayName)' --data-urlencode pageSize=1000
			if [[ $DRY_RUN == true ]]; then
				name="projects/$PROJECT_ID/alertPolicies/<id of \"$display\">"
			else
				[[ $API_STATUS == 200 ]] || pw_api_failed "listing alert policies"
				if ! name=$(pw_find_by_display_name "$display"); then
					((left < 10)) || pw_info "alert policy '$display': not found"
					break
				fi
			fi
			pw_api DELETE "$MONITORING_API_BASE/v3/$name"
			[[ $DRY_RUN == true ]] && break
			[[ $API_STATUS == 200 ]] || pw_api_failed "deleting alert policy '$display'"
		done
	done
}

delete_dashboard() {
	local url=$MONITORING_API_BASE/v1/projects/$PROJECT_ID/dashboards display name
	display=$(pw_display_name_of "$(<"$PW_MONITORING_DIR/dashboard.json")" dashboard.json)
	if name=$(pw_find_dashboard "$url" "$display"); then
		:
	elif [[ $DRY_RUN == true ]]; then
		name="projects/$PROJECT_ID/dashboards/<id of \"$display\">"
	else
		pw_info "dashboard '$display': not found"
		return 0
	fi
	pw_api DELETE "$MONITORING_API_BASE/v1/$name"
	[[ $DRY_RUN == true || $API_STATUS == 200 ]] || pw_api_failed "deleting dashboard '$display'"
}

delete_monitoring() {
	local service_url=$MONITORING_API_BASE/v3/projects/$PROJECT_ID/services/$PW_MONITORING_SERVICE_ID file id
	delete_alert_policies
	delete_dashboard
	for file in "$PW_MONITORING_DIR"/slos/*.json; do
		id=${file##*/}
		id=${id%.json}
		delete_if_exists "SLO $id" "$service_url/serviceLevelObjectives/$id"
	done
	delete_if_exists "service $PW_MONITORING_SERVICE_ID" "$service_url"
}

delete_services() {
	local index service
	# Callers first, so no remaining service points at a deleted one.
	for ((index = ${#PW_SERVICES[@]} - 1; index >= 0; index--)); do
		service=${PW_SERVICES[index]}
		# A dry run cannot know what exists, so it shows every delete.
		if pw_query gcloud run services describe "$service" --project="$PROJECT_ID" --region="$REGION" \
			--format='value(metadata.name)' >/dev/null 2>&1 || [[ $DRY_RUN == true ]]; then
			pw_run gcloud run services delete "$service" --project="$PROJECT_ID" --region="$REGION" --quiet
		else
			pw_info "service $service: not found"
		fi
	done
}

delete_images_and_repository() {
	if ! pw_query gcloud artifacts repositories describe "$REPO" --project="$PROJECT_ID" --location="$REGION" \
		--format='value(name)' >/dev/null 2>&1 && [[ $DRY_RUN == false ]]; then
		pw_info "repository $REPO: not found"
		return 0
	fi
	local service image images
	images=$(pw_query gcloud artifacts docker images list "$(pw_registry)/$PROJECT_ID/$REPO" \
		--project="$PROJECT_ID" --format='value(package)') || images=""
	for service in "${PW_SERVICES[@]}"; do
		image=$(pw_image_path "$service")
		if [[ $DRY_RUN == true || $'\n'$images$'\n' == *$'\n'$image$'\n'* ]]; then
			pw_run gcloud artifacts docker images delete "$image" --project="$PROJECT_ID" --delete-tags --quiet
		fi
	done
	pw_run gcloud artifacts repositories delete "$REPO" --project="$PROJECT_ID" --location="$REGION" --quiet
}

delete_service_accounts() {
	local service email member roles role
	for service in "${PW_SERVICES[@]}"; do
		email=$(pw_sa_email "$service")
		member="serviceAccount:$email"
		if ! pw_query gcloud iam service-accounts describe "$email" --project="$PROJECT_ID" \
			--format='value(email)' >/dev/null 2>&1 && [[ $DRY_RUN == false ]]; then
			pw_info "service account $email: not found"
			continue
		fi
		# Bindings outlive a deleted account (as "deleted:serviceAccount:..."): remove them first.
		roles=$(pw_query gcloud projects get-iam-policy "$PROJECT_ID" --flatten='bindings[].members' \
			--filter="bindings.members:$member" --format='value(bindings.role)') || roles=""
		[[ $DRY_RUN == true ]] && roles=${PW_RUNTIME_ROLES[*]}
		for role in $roles; do
			pw_run gcloud projects remove-iam-policy-binding "$PROJECT_ID" --member="$member" --role="$role" \
				--condition=None --format=none
		done
		pw_run gcloud iam service-accounts delete "$email" --project="$PROJECT_ID" --quiet
	done
}

pw_parse_args "$@"
pw_require_settings
pw_require_gcloud

if [[ $DELETE_PROJECT == true ]]; then
	confirm "This deletes the project $PROJECT_ID and everything in it."
	pw_run gcloud projects delete "$PROJECT_ID" --quiet
	pw_info "Project $PROJECT_ID scheduled for deletion"
	exit 0
fi

confirm "This deletes the perfwatch alert policies, dashboard, SLOs, services, images, repository $REPO and service accounts in $PROJECT_ID."
if [[ $DRY_RUN == false ]]; then
	command -v curl >/dev/null 2>&1 || pw_die "curl is not installed or not on PATH"
	ACCESS_TOKEN=$(gcloud auth print-access-token) || pw_die "gcloud auth print-access-token failed"
fi
pw_info "Monitoring: alert policies, dashboard, SLOs and the custom Service"
delete_monitoring
pw_info "Cloud Run services"
delete_services
pw_info "Images and repository"
delete_images_and_repository
pw_info "Service accounts and their role bindings"
delete_service_accounts
pw_info "Done. The enabled APIs stay on (free when unused); the project stays: --delete-project removes it."
