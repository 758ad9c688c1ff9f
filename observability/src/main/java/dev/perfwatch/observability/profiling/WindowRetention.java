package dev.perfwatch.observability.profiling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.perfwatch.profiles.format.WindowFiles;

/**
 * Bounds a service's profile directory: keeps the newest windows up to a count, and none older
 * than an age. Only files named like window files are ever deleted.
 */
final class WindowRetention {

	private final int keepWindows;

	private final Duration keepFor;

	WindowRetention(int keepWindows, Duration keepFor) {
		this.keepWindows = keepWindows;
		this.keepFor = keepFor;
	}

	/**
	 * @return how many windows were deleted
	 */
	int prune(Path serviceDir, Instant now) throws IOException {
		Map<String, List<Path>> windows = new TreeMap<>(Comparator.reverseOrder());
		try (Stream<Path> files = Files.list(serviceDir)) {
			files.forEach((file) -> {
				Instant start = WindowFiles.startOf(file);
				if (start != null) {
					windows.computeIfAbsent(WindowFiles.timestamp(start), (key) -> new ArrayList<>()).add(file);
				}
			});
		}
		String oldestKept = WindowFiles.timestamp(now.minus(this.keepFor));
		int kept = 0;
		int deleted = 0;
		for (Map.Entry<String, List<Path>> window : windows.entrySet()) {
			if (kept < this.keepWindows && window.getKey().compareTo(oldestKept) >= 0) {
				kept++;
				continue;
			}
			for (Path file : window.getValue()) {
				Files.deleteIfExists(file);
			}
			deleted++;
		}
		return deleted;
	}

}
