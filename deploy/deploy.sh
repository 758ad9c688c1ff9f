#!/usr/bin/env bash
# Builds the four images with Jib, pushes them to Artifact Registry and deploys them to
# Cloud Run callees first: data and auth, then the gateway with their URLs, then the
# frontend with the gateway's URL. Only the frontend is public; every caller runs as its
# own service account holding roles/run.invoker on exactly the services it calls.
set -euo pipefail

here=${BASH_SOURCE[0]%/*}
[[ $here == "${BASH_SOURCE[0]}" ]] && here=.
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"

: "${VERSION:=}"
# Empty until the flags are read: --sizing refuses them, then they get their defaults.
: "${MEMORY:=}"
: "${CONCURRENCY:=}"
: "${MAX_INSTANCES:=}"
: "${MVNW:=./mvnw}"
SIZING_FILE=""
CPU_ALWAYS_ALLOCATED=false
SKIP_BUILD=false
TAG=""
NO_TRAFFIC=false
PW_VALUE_FLAGS[--version]=VERSION
PW_VALUE_FLAGS[--sizing]=SIZING_FILE
PW_VALUE_FLAGS[--memory]=MEMORY
PW_VALUE_FLAGS[--concurrency]=CONCURRENCY
PW_VALUE_FLAGS[--max-instances]=MAX_INSTANCES
PW_SWITCH_FLAGS[--cpu-always-allocated]=CPU_ALWAYS_ALLOCATED
PW_SWITCH_FLAGS[--skip-build]=SKIP_BUILD
PW_VALUE_FLAGS[--tag]=TAG
PW_SWITCH_FLAGS[--no-traffic]=NO_TRAFFIC

usage() {
	cat <<USAGE
Usage: ${0##*/} --project ID [options]

Builds and pushes REGION-docker.pkg.dev/PROJECT/REPO/<service>:VERSION with Jib, deploys
data-service and auth-service, then api-gateway-service (AUTH_SERVICE_URL, DATA_SERVICE_URL),
then frontend-service (API_SERVICE_URL), and prints the frontend URL on stdout.
Run deploy/setup.sh once before.

Options:
  --version TAG            image tag [VERSION] (default: the version in the root pom.xml)
  --memory SIZE            memory per instance [MEMORY] (default 512Mi, see docs/cloud-run.md)
  --concurrency N          requests per instance [CONCURRENCY] (default 80)
  --max-instances N        instance cap per service [MAX_INSTANCES] (default 10)
  --sizing FILE            per-service --cpu, --memory, --concurrency, --min-instances and
                           --max-instances from FILE, as 'load-generator size --deploy-env FILE'
                           writes it (docs/sizing.md); replaces the three options above, which
                           are then refused. Without it every service gets 1 vCPU and 0 minimum
                           instances
  --cpu-always-allocated   keep the CPU between requests (--no-cpu-throttling): the profiler
                           agent and the trace exporter then work outside requests too, and
                           Cloud Run bills the whole instance lifetime (see docs/cloud-run.md)
  --skip-build             deploy images already pushed with this tag
  --tag TAG                tag each new revision (URL https://TAG---<service URL host>), give
                           callers their callees' tagged URLs, print the frontend's tagged URL
  --no-traffic             new revisions get no traffic until it is moved to the tag
                           (gcloud run services update-traffic SERVICE --to-tags=TAG=100);
                           needs --tag and services that exist (see cloudbuild.yaml)
  Maven wrapper used for the build: [MVNW] (default ./mvnw, run from the repository root)
$PW_COMMON_USAGE
USAGE
}

# The one place that knows how an image is built and pushed (the gcp profile configures Jib).
build_and_push_image() {
	local module=$1 image=$2
	(cd "$PW_ROOT_DIR" && pw_run "$MVNW" -B -Pgcp -pl "$module" -am package jib:build -DskipTests \
		-Dimage="$image")
}

project_version() {
	local line in_project=false
	while IFS= read -r line; do
		if [[ $line == *'<artifactId>perfwatch</artifactId>'* ]]; then
			in_project=true
		elif [[ $in_project == true && $line =~ \<version\>([^<]+)\</version\> ]]; then
			printf '%s' "${BASH_REMATCH[1]}"
			return 0
		fi
	done <"$PW_ROOT_DIR/pom.xml"
	pw_die "no project version found in $PW_ROOT_DIR/pom.xml: pass --version"
}

require_positive_int() {
	[[ $2 =~ ^[1-9][0-9]*$ ]] || pw_usage_error "$1 must be a positive integer, got '$2'"
}

# Per-service settings, keyed "service setting" (e.g. "data-service CPU"): the --sizing file's
# values, or the flags' for every service.
declare -A SIZED=()
SIZED_SETTINGS=(CPU MEMORY CONCURRENCY MIN_INSTANCES MAX_INSTANCES)

# read_sizing FILE: fills SIZED from lines SERVICE_NAME_SETTING=value (DATA_SERVICE_CPU=1);
# blank lines and # comments are skipped. The file is parsed, never sourced: any other line, an
# unknown service or setting, a value Cloud Run would not take, a repeated or a missing setting
# stops the deploy before anything is built.
read_sizing() {
	local file=$1 line number=0 service setting value known candidate expected
	[[ -f $file && -r $file ]] || pw_usage_error "--sizing: cannot read '$file'"
	while IFS= read -r line || [[ -n $line ]]; do
		number=$((number + 1))
		[[ $line =~ ^[[:space:]]*(#.*)?$ ]] && continue
		[[ $line =~ ^([A-Z][A-Z0-9_]*)_(CPU|MEMORY|CONCURRENCY|MIN_INSTANCES|MAX_INSTANCES)=(.*)$ ]] ||
			pw_usage_error "--sizing $file line $number: expected SERVICE_SETTING=value (e.g. DATA_SERVICE_CPU=1), got '$line'"
		service=${BASH_REMATCH[1],,}
		service=${service//_/-}
		setting=${BASH_REMATCH[2]}
		value=${BASH_REMATCH[3]}
		known=false
		for candidate in "${PW_SERVICES[@]}"; do [[ $candidate == "$service" ]] && known=true; done
		[[ $known == true ]] || pw_usage_error "--sizing $file line $number: unknown service '$service' (known: ${PW_SERVICES[*]})"
		[[ -z ${SIZED["$service $setting"]+set} ]] || pw_usage_error "--sizing $file line $number: $service $setting set twice"
		case $setting in
		CPU) expected='1, 2, 4, 6 or 8' ;;
		MEMORY) expected='MiB or GiB, e.g. 512Mi or 2Gi' ;;
		CONCURRENCY) expected='1 to 1000' ;;
		MIN_INSTANCES) expected='0 or more' ;;
		MAX_INSTANCES) expected='1 or more' ;;
		esac
		case $setting in
		CPU) [[ $value =~ ^(1|2|4|6|8)$ ]] ;;
		MEMORY) [[ $value =~ ^[1-9][0-9]{0,5}(Mi|Gi)$ ]] ;;
		CONCURRENCY) [[ $value =~ ^[1-9][0-9]{0,3}$ ]] && ((value <= 1000)) ;;
		MIN_INSTANCES) [[ $value =~ ^(0|[1-9][0-9]{0,3})$ ]] ;;
		MAX_INSTANCES) [[ $value =~ ^[1-9][0-9]{0,3}$ ]] ;;
		esac || pw_usage_error "--sizing $file line $number: $setting '$value' is not valid ($expected)"
		SIZED["$service $setting"]=$value
	done <"$file"
	local min max
	for service in "${PW_SERVICES[@]}"; do
		for setting in "${SIZED_SETTINGS[@]}"; do
			[[ -n ${SIZED["$service $setting"]+set} ]] || pw_usage_error "--sizing $file: no $setting for $service"
		done
		min=${SIZED["$service MIN_INSTANCES"]}
		max=${SIZED["$service MAX_INSTANCES"]}
		((min <= max)) || pw_usage_error "--sizing $file: $service has more minimum ($min) than maximum ($max) instances"
	done
}

# The flags' settings, the same for every service.
size_from_flags() {
	local service
	for service in "${PW_SERVICES[@]}"; do
		SIZED["$service CPU"]=1
		SIZED["$service MEMORY"]=$MEMORY
		SIZED["$service CONCURRENCY"]=$CONCURRENCY
		SIZED["$service MIN_INSTANCES"]=0
		SIZED["$service MAX_INSTANCES"]=$MAX_INSTANCES
	done
}

# Traffic only once Spring Boot says it is ready (up to 60 s, JIT-cold on 1 vCPU); a JVM that
# stops answering its liveness endpoint for 30 s is restarted. Cloud Run's default would be a
# TCP check on the port, which Tomcat opens before the application is ready.
STARTUP_PROBE=httpGet.path=/actuator/health/readiness,periodSeconds=2,timeoutSeconds=2,failureThreshold=30
LIVENESS_PROBE=httpGet.path=/actuator/health/liveness,periodSeconds=10,timeoutSeconds=3,failureThreshold=3

# Each service sheds requests beyond the concurrency Cloud Run sends it, no fewer. Every setting
# is passed, so a redeploy never keeps one from an earlier deploy by accident.
deploy_service() {
	local service=$1 env_vars=$2 access=--no-allow-unauthenticated cpu_mode=--cpu-throttling revision=()
	[[ $service == "$PW_PUBLIC_SERVICE" ]] && access=--allow-unauthenticated
	[[ $CPU_ALWAYS_ALLOCATED == true ]] && cpu_mode=--no-cpu-throttling
	[[ -n $TAG ]] && revision+=("--tag=$TAG")
	[[ $NO_TRAFFIC == true ]] && revision+=(--no-traffic)
	local concurrency=${SIZED["$service CONCURRENCY"]}
	pw_info "Deploying $service"
	pw_run gcloud run deploy "$service" --project="$PROJECT_ID" --region="$REGION" \
		--image="$(pw_image_path "$service"):$VERSION" \
		--service-account="$(pw_sa_email "$service")" "$access" \
		--set-env-vars="$env_vars,PERFWATCH_OVERLOAD_MAX_CONCURRENT_REQUESTS=$concurrency" \
		--cpu="${SIZED["$service CPU"]}" --memory="${SIZED["$service MEMORY"]}" --concurrency="$concurrency" \
		--min-instances="${SIZED["$service MIN_INSTANCES"]}" --max-instances="${SIZED["$service MAX_INSTANCES"]}" \
		"$cpu_mode" --cpu-boost --labels=app=perfwatch \
		"--startup-probe=$STARTUP_PROBE" "--liveness-probe=$LIVENESS_PROBE" "${revision[@]}" --quiet
}

# The URL of the revision just deployed. With --tag it is the tagged one, which keeps serving
# that revision whatever the traffic split: a tagged caller calls its tagged callees, so the
# new chain runs end to end before any traffic moves and stays pinned together afterwards.
revision_url() {
	local url
	url=$(pw_service_url "$1")
	[[ -n $TAG ]] && url="https://$TAG---${url#https://}"
	printf '%s' "$url"
}

allow_invoke() {
	local caller=$1 callee=$2
	pw_info "Letting $caller invoke $callee"
	pw_run_with_retry gcloud run services add-iam-policy-binding "$callee" --project="$PROJECT_ID" \
		--region="$REGION" --member="serviceAccount:$(pw_sa_email "$caller")" --role=roles/run.invoker \
		--format=none
}

pw_parse_args "$@"
pw_require_settings
[[ -z $TAG || $TAG =~ ^[a-z]([a-z0-9-]*[a-z0-9])?$ ]] ||
	pw_usage_error "--tag must be lowercase letters, digits and hyphens, starting with a letter, got '$TAG'"
[[ $NO_TRAFFIC == false || -n $TAG ]] || pw_usage_error "--no-traffic needs --tag: an untagged revision without traffic is unreachable"
if [[ -n $SIZING_FILE ]]; then
	[[ -z $MEMORY$CONCURRENCY$MAX_INSTANCES ]] ||
		pw_usage_error "--sizing sets memory, concurrency and max instances per service: drop --memory, --concurrency and --max-instances (and MEMORY, CONCURRENCY, MAX_INSTANCES)"
	read_sizing "$SIZING_FILE"
else
	: "${MEMORY:=512Mi}" "${CONCURRENCY:=80}" "${MAX_INSTANCES:=10}"
	require_positive_int --concurrency "$CONCURRENCY"
	require_positive_int --max-instances "$MAX_INSTANCES"
	size_from_flags
fi
[[ -n $VERSION ]] || VERSION=$(project_version)
pw_require_gcloud

if [[ $SKIP_BUILD == false ]]; then
	for service in "${PW_SERVICES[@]}"; do
		pw_info "Building and pushing $service:$VERSION with Jib"
		build_and_push_image "$service" "$(pw_image_path "$service"):$VERSION"
	done
fi

# Containers listen on all interfaces; local runs keep the 127.0.0.1 default.
common_env="GOOGLE_CLOUD_PROJECT=$PROJECT_ID,SPRING_PROFILES_ACTIVE=gcp,BIND_ADDRESS=0.0.0.0"

deploy_service data-service "$common_env"
deploy_service auth-service "$common_env"
allow_invoke api-gateway-service data-service
allow_invoke api-gateway-service auth-service

auth_url=$(revision_url auth-service)
data_url=$(revision_url data-service)
deploy_service api-gateway-service "$common_env,AUTH_SERVICE_URL=$auth_url,DATA_SERVICE_URL=$data_url"
allow_invoke frontend-service api-gateway-service

gateway_url=$(revision_url api-gateway-service)
deploy_service frontend-service "$common_env,API_SERVICE_URL=$gateway_url"

frontend_url=$(revision_url frontend-service)
pw_info "Frontend: $frontend_url  (next: deploy/load.sh --project $PROJECT_ID)"
printf '%s\n' "$frontend_url"
