#!/bin/sh
# Entrypoint of every perfwatch image: runs the java command line it is given, as PID 1.
# The image's command line always names the Cloud Profiler agent
# (-agentpath:/opt/cprof/profiler_java_agent.so=...).
# This script drops that flag, without a rebuild, when CPROF_ENABLED=false or when the image
# was built without the agent (no -Pgcp), and says which in one line.
set -eu

cprof_enabled="${CPROF_ENABLED:-true}"
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
	esac
	set -- "$@" "$arg"
done
exec "$@"
