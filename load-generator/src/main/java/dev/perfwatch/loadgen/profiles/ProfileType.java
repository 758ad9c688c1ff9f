package dev.perfwatch.loadgen.profiles;

import java.util.Locale;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The profile types each window of the services' continuous profiler holds.
 */
enum ProfileType {

	CPU("samples", "--cpu"), ALLOC("bytes", "--alloc", "--total"), WALL("samples", "--wall");

	private final String unit;

	private final String[] converterOptions;

	ProfileType(String unit, String... converterOptions) {
		this.unit = unit;
		this.converterOptions = converterOptions;
	}

	String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	String unit() {
		return this.unit;
	}

	String[] converterOptions() {
		return this.converterOptions.clone();
	}

	/** Reads {@code --type cpu|alloc|wall}. */
	static final class Converter implements ITypeConverter<ProfileType> {

		@Override
		public ProfileType convert(String value) {
			for (ProfileType type : values()) {
				if (type.id().equalsIgnoreCase(value)) {
					return type;
				}
			}
			throw new TypeConversionException("'" + value + "' is not one of cpu, alloc, wall");
		}

	}

}
