package dev.perfwatch.profiles.pprof;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.UnknownFieldSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pprof file as its reader sees it.
 * @param samples each sample's stack, leaf first, by function name, with its value
 */
public record PprofFile(List<String> sampleType, Map<List<String>, Long> samples) {

	public static PprofFile read(Path file) throws IOException {
		UnknownFieldSet profile;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			profile = UnknownFieldSet.parseFrom(in.readAllBytes());
		}
		List<String> strings = profile.getField(6).getLengthDelimitedList().stream().map(ByteString::toStringUtf8).toList();
		assertThat(strings).first().isEqualTo("");
		Map<Long, String> functions = new HashMap<>();
		for (ByteString bytes : profile.getField(5).getLengthDelimitedList()) {
			UnknownFieldSet function = UnknownFieldSet.parseFrom(bytes);
			functions.put(function.getField(1).getVarintList().get(0),
					strings.get(function.getField(2).getVarintList().get(0).intValue()));
		}
		Map<Long, String> locations = new HashMap<>();
		for (ByteString bytes : profile.getField(4).getLengthDelimitedList()) {
			UnknownFieldSet location = UnknownFieldSet.parseFrom(bytes);
			long functionId = UnknownFieldSet.parseFrom(location.getField(4).getLengthDelimitedList().get(0))
				.getField(1)
				.getVarintList()
				.get(0);
			locations.put(location.getField(1).getVarintList().get(0), functions.get(functionId));
		}
		Map<List<String>, Long> samples = new HashMap<>();
		for (ByteString bytes : profile.getField(2).getLengthDelimitedList()) {
			UnknownFieldSet sample = UnknownFieldSet.parseFrom(bytes);
			List<String> stack = new ArrayList<>();
			CodedInputStream packed = sample.getField(1).getLengthDelimitedList().get(0).newCodedInput();
			while (!packed.isAtEnd()) {
				stack.add(locations.get(packed.readUInt64()));
			}
			samples.merge(stack, sample.getField(2).getVarintList().get(0), Long::sum);
		}
		UnknownFieldSet type = UnknownFieldSet.parseFrom(profile.getField(1).getLengthDelimitedList().get(0));
		return new PprofFile(List.of(strings.get(type.getField(1).getVarintList().get(0).intValue()),
				strings.get(type.getField(2).getVarintList().get(0).intValue())), samples);
	}

}
