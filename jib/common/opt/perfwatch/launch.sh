#!/bin/sh
# Entrypoint of every perfwatch image: runs the java command line it is given, as PID 1.
# The image's command line always names the Cloud Profiler agent
# (-agentpath:/opt/cprof/profiler_java_agent.so=...) and the AOT cache (-XX:AOTCache=FILE).
# This script drops the agent flag, without a rebuild, when CPROF_ENABLED=false or when the image
# was built without the agent (no -Pgcp), and the cache flag when the image holds no cache (a Jib
# image that cloudbuild.yaml has not trained yet), and says which in one line each.
# PERFWATCH_AOT_TRAINING=FILE makes the run the training run that creates the cache: the same
# command line with -XX:AOTCacheOutput=FILE, the agent off, and Spring stopping once its context
# is refreshed (docs/cloud-run.md, "Cold start").
set -eu

cprof_enabled="${CPROF_ENABLED:-true}"
training="${PERFWATCH_AOT_TRAINING:-}"
first=1
for arg in "$@"; do
	if [ "$first" = 1 ]; then
		set --
		first=0
	fi
	case "$arg" in
	-agentpath:*/profiler_java_agent.so | -agentpath:*/profiler_java_agent.so=*)
		agent="${arg#-agentpath:}"
		agent="${agent%%=*}"
		if [ -n "$training" ]; then
			echo "launch: Cloud Profiler agent off (AOT cache training run)" >&2
			continue
		fi
		if [ "$cprof_enabled" = "false" ]; then
			echo "launch: Cloud Profiler agent off (CPROF_ENABLED=false)" >&2
			continue
		fi
		if [ ! -f "$agent" ]; then
			echo "launch: Cloud Profiler agent off ($agent is not in this image; build with -Pgcp)" >&2
			continue
		fi
		echo "launch: Cloud Profiler agent on ($agent)" >&2
		;;
	-XX:AOTCache=*)
		cache="${arg#-XX:AOTCache=}"
		if [ -n "$training" ]; then
			echo "launch: AOT cache training run, writing $training" >&2
			set -- "$@" "-XX:AOTCacheOutput=$training" -Dspring.context.exit=onRefresh
			continue
		fi
		if [ ! -f "$cache" ]; then
			echo "launch: AOT cache off ($cache is not in this image; cloudbuild.yaml's aot-cache step adds it)" >&2
			continue
		fi
		echo "launch: AOT cache on ($cache)" >&2
		;;
	esac
	set -- "$@" "$arg"
done
exec "$@"
