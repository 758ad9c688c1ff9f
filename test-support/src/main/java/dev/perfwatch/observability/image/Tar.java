package dev.perfwatch.observability.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the entries of a tar stream (ustar, with GNU and PAX long names) into memory: enough for
 * the small image tarballs of the tests, without a compression library.
 */
final class Tar {

	private static final int BLOCK = 512;

	private Tar() {
	}

	/**
	 * @return regular files by path (without a leading {@code ./} or {@code /}) and their content;
	 * directories map to an empty array
	 */
	static Map<String, byte[]> read(InputStream in) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		String longName = null;
		byte[] header;
		while ((header = in.readNBytes(BLOCK)).length == BLOCK && header[0] != 0) {
			long size = Long.parseLong(text(header, 124, 12).trim(), 8);
			char type = (char) header[156];
			byte[] content = in.readNBytes((int) size);
			in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
			switch (type) {
				case 'L' -> longName = new String(content, StandardCharsets.UTF_8).trim();
				case 'x' -> longName = paxPath(new String(content, StandardCharsets.UTF_8));
				case 'g' -> {
				}
				default -> {
					String prefix = text(header, 345, 155);
					String name = (longName != null) ? longName
							: (prefix.isEmpty() ? "" : prefix + "/") + text(header, 0, 100);
					entries.put(normalized(name), content);
					longName = null;
				}
			}
		}
		return entries;
	}

	private static String paxPath(String records) {
		for (String record : records.split("\n")) {
			int equals = record.indexOf("path=");
			if (equals >= 0) {
				return record.substring(equals + "path=".length());
			}
		}
		return null;
	}

	private static String normalized(String name) {
		String path = name.startsWith("./") ? name.substring(2) : name;
		path = path.startsWith("/") ? path.substring(1) : path;
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	private static String text(byte[] header, int offset, int length) {
		int end = offset;
		while (end < offset + length && header[end] != 0) {
			end++;
		}
		return new String(header, offset, end - offset, StandardCharsets.UTF_8);
	}

}
