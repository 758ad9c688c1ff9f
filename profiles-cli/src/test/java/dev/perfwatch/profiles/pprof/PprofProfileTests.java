package dev.perfwatch.profiles.pprof;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes stacks as pprof and reads them back with protobuf's generic parser, the way pprof reads
 * profile.proto: string table, functions, locations, samples leaf first.
 */
class PprofProfileTests {

	@TempDir
	Path dir;

	@Test
	void stacksAndWeightsSurviveTheRoundTrip() throws IOException {
		PprofProfile profile = new PprofProfile("cpu", "samples");
		profile.add(List.of("java.lang.Thread.run", "app.Work.spin"), 7);
		profile.add(List.of("java.lang.Thread.run", "app.Work.spin"), 3);
		profile.add(List.of("java.lang.Thread.run", "app.Work.idle"), 2);
		Path file = this.dir.resolve("cpu.pb.gz");

		profile.write(file);

		PprofFile decoded = PprofFile.read(file);
		assertThat(decoded.sampleType()).containsExactly("cpu", "samples");
		assertThat(decoded.samples()).containsEntry(List.of("app.Work.spin", "java.lang.Thread.run"), 10L)
			.containsEntry(List.of("app.Work.idle", "java.lang.Thread.run"), 2L)
			.hasSize(2);
	}

}
