package dev.perfwatch.profiles;

import java.util.Locale;

import dev.perfwatch.profiles.format.ProfileType;

/**
 * Where a trace's flame graph goes by default, under the profiles directory: {@code traces/<id>-<type>.html}.
 * The load generator and the local run print the same path.
 */
public final class TraceProfileFiles {

	private TraceProfileFiles() {
	}

	public static String name(String traceId, ProfileType type) {
		return traceId.strip().toLowerCase(Locale.ROOT) + "-" + type.id() + ".html";
	}

}
