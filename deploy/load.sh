#!/usr/bin/env bash
# Runs the perfwatch load generator against the deployed (public) frontend, so that Cloud
# Trace and Cloud Profiler have requests to record.
set -euo pipefail

here=${BASH_SOURCE[0]%/*}
[[ $here == "${BASH_SOURCE[0]}" ]] && here=.
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"

: "${LOAD_JAR:=$PW_ROOT_DIR/load-generator/target/load-generator.jar}"
: "${JAVA:=java}"
PW_VALUE_FLAGS[--jar]=LOAD_JAR

usage() {
	cat <<USAGE
Usage: ${0##*/} --project ID [options] [-- load-generator arguments]

Looks up the frontend-service URL and runs
  java -jar LOAD_JAR <frontend URL> --trace-ui <Cloud Trace console URL> [arguments after --]
Arguments after -- go to the load generator unchanged (its --help lists them; bound the
run there, for example by duration or request count). A --trace-ui given after -- replaces
the Cloud Trace one, which links the slowest requests' trace ids to the console.

Options:
  --jar PATH        load generator jar [LOAD_JAR]
                    (default load-generator/target/load-generator.jar; build it with
                    ./mvnw -B -pl load-generator -am package -DskipTests)
  Java used: [JAVA] (default java)
$PW_COMMON_USAGE
USAGE
}

pw_parse_args "$@"
pw_require_settings
pw_require_gcloud
if [[ ! -f $LOAD_JAR ]]; then
	message="load generator jar not found: $LOAD_JAR. Build it: ./mvnw -B -pl load-generator -am package -DskipTests"
	[[ $DRY_RUN == true ]] || pw_die "$message"
	pw_warn "$message"
fi

frontend_url=$(pw_service_url "$PW_PUBLIC_SERVICE")
args=("$frontend_url")
if [[ " ${PW_EXTRA_ARGS[*]} " != *" --trace-ui"* ]]; then
	args+=(--trace-ui "https://console.cloud.google.com/traces/list?project=$PROJECT_ID&tid={traceId}")
fi
args+=("${PW_EXTRA_ARGS[@]}")

pw_info "Load against $frontend_url"
pw_run "$JAVA" -jar "$LOAD_JAR" "${args[@]}"
pw_info "Traces: https://console.cloud.google.com/traces/list?project=$PROJECT_ID"
pw_info "Profiles (after a few minutes): https://console.cloud.google.com/profiler?project=$PROJECT_ID"
pw_info "Then check both arrived: deploy/verify.sh --project $PROJECT_ID"
