package dev.perfwatch.observability.profiling;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

/**
 * A strict reader of gzipped pprof files ({@code profile.proto} of google/pprof), enough to tell
 * a valid profile from a broken one: every sample's locations, every location's functions and
 * every string index must resolve, and each sample carries one value per sample type.
 *
 * @param sampleTypes the {@code type/unit} of each value, e.g. {@code cpu/nanoseconds}
 * @param stacks each sample's function names, leaf first
 * @param values each sample's values
 */
record PprofProfile(List<String> sampleTypes, List<List<String>> stacks, List<long[]> values) {

	static PprofProfile read(Path file) throws IOException {
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			return new Parser().parse(CodedInputStream.newInstance(in.readAllBytes()));
		}
	}

	long total(int valueIndex) {
		return this.values.stream().mapToLong((sample) -> sample[valueIndex]).sum();
	}

	private static final class Parser {

		private final List<long[]> sampleTypeStrings = new ArrayList<>();

		private final List<List<Long>> sampleLocations = new ArrayList<>();

		private final List<List<Long>> sampleValues = new ArrayList<>();

		private final Map<Long, List<Long>> locationFunctions = new HashMap<>();

		private final Map<Long, Long> functionNames = new HashMap<>();

		private final List<String> strings = new ArrayList<>();

		PprofProfile parse(CodedInputStream in) throws IOException {
			for (int tag; (tag = in.readTag()) != 0;) {
				switch (WireFormat.getTagFieldNumber(tag)) {
					case 1 -> this.sampleTypeStrings.add(valueType(in.readBytes().newCodedInput()));
					case 2 -> sample(in.readBytes().newCodedInput());
					case 4 -> location(in.readBytes().newCodedInput());
					case 5 -> function(in.readBytes().newCodedInput());
					case 6 -> this.strings.add(in.readStringRequireUtf8());
					default -> in.skipField(tag);
				}
			}
			return resolve();
		}

		private long[] valueType(CodedInputStream in) throws IOException {
			long[] typeAndUnit = new long[2];
			for (int tag; (tag = in.readTag()) != 0;) {
				int field = WireFormat.getTagFieldNumber(tag);
				if (field == 1 || field == 2) {
					typeAndUnit[field - 1] = in.readInt64();
				}
				else {
					in.skipField(tag);
				}
			}
			return typeAndUnit;
		}

		private void sample(CodedInputStream in) throws IOException {
			List<Long> locations = new ArrayList<>();
			List<Long> values = new ArrayList<>();
			for (int tag; (tag = in.readTag()) != 0;) {
				switch (WireFormat.getTagFieldNumber(tag)) {
					case 1 -> readRepeated(in, tag, locations);
					case 2 -> readRepeated(in, tag, values);
					default -> in.skipField(tag);
				}
			}
			this.sampleLocations.add(locations);
			this.sampleValues.add(values);
		}

		private void location(CodedInputStream in) throws IOException {
			long id = 0;
			List<Long> functions = new ArrayList<>();
			for (int tag; (tag = in.readTag()) != 0;) {
				switch (WireFormat.getTagFieldNumber(tag)) {
					case 1 -> id = in.readUInt64();
					case 4 -> functions.add(lineFunction(in.readBytes().newCodedInput()));
					default -> in.skipField(tag);
				}
			}
			require(id != 0, "a location without id");
			this.locationFunctions.put(id, functions);
		}

		private long lineFunction(CodedInputStream in) throws IOException {
			long function = 0;
			for (int tag; (tag = in.readTag()) != 0;) {
				if (WireFormat.getTagFieldNumber(tag) == 1) {
					function = in.readUInt64();
				}
				else {
					in.skipField(tag);
				}
			}
			return function;
		}

		private void function(CodedInputStream in) throws IOException {
			long id = 0;
			long name = 0;
			for (int tag; (tag = in.readTag()) != 0;) {
				switch (WireFormat.getTagFieldNumber(tag)) {
					case 1 -> id = in.readUInt64();
					case 2 -> name = in.readInt64();
					default -> in.skipField(tag);
				}
			}
			require(id != 0, "a function without id");
			this.functionNames.put(id, name);
		}

		private static void readRepeated(CodedInputStream in, int tag, List<Long> into) throws IOException {
			if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
				int limit = in.pushLimit(in.readRawVarint32());
				while (in.getBytesUntilLimit() > 0) {
					into.add(in.readRawVarint64());
				}
				in.popLimit(limit);
			}
			else {
				into.add(in.readRawVarint64());
			}
		}

		private PprofProfile resolve() throws IOException {
			require(!this.strings.isEmpty() && this.strings.get(0).isEmpty(), "string_table[0] must be empty");
			require(!this.sampleTypeStrings.isEmpty(), "no sample_type");
			List<String> sampleTypes = new ArrayList<>();
			for (long[] typeAndUnit : this.sampleTypeStrings) {
				sampleTypes.add(string(typeAndUnit[0]) + "/" + string(typeAndUnit[1]));
			}
			List<List<String>> stacks = new ArrayList<>();
			List<long[]> values = new ArrayList<>();
			for (int i = 0; i < this.sampleLocations.size(); i++) {
				List<Long> sampleValues = this.sampleValues.get(i);
				require(sampleValues.size() == sampleTypes.size(), "a sample has " + sampleValues.size()
						+ " values for " + sampleTypes.size() + " sample types");
				List<String> stack = new ArrayList<>();
				for (long location : this.sampleLocations.get(i)) {
					List<Long> functions = this.locationFunctions.get(location);
					require(functions != null, "a sample names the unknown location " + location);
					for (long function : functions) {
						Long name = this.functionNames.get(function);
						require(name != null, "a location names the unknown function " + function);
						stack.add(string(name));
					}
				}
				stacks.add(stack);
				values.add(sampleValues.stream().mapToLong(Long::longValue).toArray());
			}
			return new PprofProfile(sampleTypes, stacks, values);
		}

		private String string(long index) throws IOException {
			require(index >= 0 && index < this.strings.size(), "string index " + index + " out of range");
			return this.strings.get((int) index);
		}

		private static void require(boolean condition, String problem) throws IOException {
			if (!condition) {
				throw new IOException("Invalid pprof profile: " + problem);
			}
		}

	}

}
