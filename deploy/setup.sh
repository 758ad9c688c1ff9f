#!/usr/bin/env bash
# Prepares a Google Cloud project for perfwatch: APIs, the Artifact Registry repository,
# Jib's push credentials and one least-privilege runtime service account per service.
# Safe to run again: existing resources are kept.
set -euo pipefail

here=${BASH_SOURCE[0]%/*}
[[ $here == "${BASH_SOURCE[0]}" ]] && here=.
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"

CREATE_PROJECT=false
: "${BILLING_ACCOUNT:=}"
PW_SWITCH_FLAGS[--create-project]=CREATE_PROJECT
PW_VALUE_FLAGS[--billing-account]=BILLING_ACCOUNT

usage() {
	cat <<USAGE
Usage: ${0##*/} --project ID [options]

Prepares the project: sets it as the gcloud default, enables the run, artifactregistry,
cloudprofiler, cloudtrace, monitoring and logging APIs, creates the docker repository
REGION-docker.pkg.dev/PROJECT/REPO, registers gcloud as Jib's credential helper for it, and
creates one service account per service holding only:
  ${PW_RUNTIME_ROLES[*]}

Options:
  --create-project          create the project first (needs --billing-account)
  --billing-account ID      billing account to link a created project to [BILLING_ACCOUNT]
$PW_COMMON_USAGE
USAGE
}

pw_parse_args "$@"
pw_require_settings
if [[ $CREATE_PROJECT == true && -z $BILLING_ACCOUNT ]]; then
	pw_usage_error "--create-project needs --billing-account: Cloud Run does not run in a project without billing"
fi
pw_require_gcloud

if [[ $CREATE_PROJECT == true ]]; then
	pw_info "Creating project $PROJECT_ID"
	pw_run gcloud projects create "$PROJECT_ID" --name=perfwatch
	pw_run gcloud billing projects link "$PROJECT_ID" --billing-account="$BILLING_ACCOUNT"
fi

pw_info "Setting gcloud defaults"
pw_run gcloud config set project "$PROJECT_ID"
pw_run gcloud config set run/region "$REGION"

pw_info "Enabling APIs"
pw_run gcloud services enable "${PW_APIS[@]}" --project="$PROJECT_ID"

pw_info "Artifact Registry repository $REPO in $REGION"
if pw_query gcloud artifacts repositories describe "$REPO" --project="$PROJECT_ID" --location="$REGION" \
	--format='value(name)' >/dev/null 2>&1; then
	pw_info "repository $REPO exists"
else
	pw_run gcloud artifacts repositories create "$REPO" --project="$PROJECT_ID" --location="$REGION" \
		--repository-format=docker --description='perfwatch service images (built by Jib)'
fi
# Jib reads the docker credential helpers from ~/.docker/config.json; no Docker engine needed.
pw_run gcloud auth configure-docker "$(pw_registry)" --quiet

for service in "${PW_SERVICES[@]}"; do
	email=$(pw_sa_email "$service")
	pw_info "Service account $email"
	if pw_query gcloud iam service-accounts describe "$email" --project="$PROJECT_ID" \
		--format='value(email)' >/dev/null 2>&1; then
		pw_info "service account exists"
	else
		pw_run gcloud iam service-accounts create "$(pw_sa_id "$service")" --project="$PROJECT_ID" \
			--display-name="perfwatch $service runtime"
	fi
	for role in "${PW_RUNTIME_ROLES[@]}"; do
		# A new account takes a few seconds to become visible to IAM: retry the binding.
		pw_run_with_retry gcloud projects add-iam-policy-binding "$PROJECT_ID" \
			--member="serviceAccount:$email" --role="$role" --condition=None --format=none
	done
done

pw_info "Project $PROJECT_ID is ready. Next: deploy/deploy.sh --project $PROJECT_ID"
