package dev.perfwatch.observability.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code docker load} tarball as {@code jib:buildTar} writes it: the image config (entrypoint,
 * user, ports, labels, environment) and the files of each layer.
 */
public final class ImageTarball {

	private final JsonNode config;

	private final List<Map<String, byte[]>> layers;

	private ImageTarball(JsonNode config, List<Map<String, byte[]>> layers) {
		this.config = config;
		this.layers = layers;
	}

	public static ImageTarball read(Path tarball) throws IOException {
		Map<String, byte[]> entries;
		try (InputStream in = Files.newInputStream(tarball)) {
			entries = Tar.read(in);
		}
		JsonMapper json = JsonMapper.builder().build();
		JsonNode manifest = json.readTree(entries.get("manifest.json")).get(0);
		JsonNode config = json.readTree(entries.get(manifest.get("Config").asString())).get("config");
		List<Map<String, byte[]>> layers = new ArrayList<>();
		for (JsonNode layer : manifest.get("Layers")) {
			try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(entries.get(layer.asString())))) {
				layers.add(Tar.read(in));
			}
		}
		return new ImageTarball(config, layers);
	}

	public List<String> entrypoint() {
		return strings(this.config.get("Entrypoint"));
	}

	public List<String> cmd() {
		return strings(this.config.get("Cmd"));
	}

	public String user() {
		return this.config.path("User").asString();
	}

	public List<String> exposedPorts() {
		return new ArrayList<>(this.config.path("ExposedPorts").propertyNames());
	}

	public Map<String, String> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		this.config.path("Labels").properties().forEach((label) -> labels.put(label.getKey(), label.getValue().asString()));
		return labels;
	}

	public List<String> environment() {
		return strings(this.config.get("Env"));
	}

	/**
	 * @return the index of the layer holding {@code path} (no leading slash), or -1
	 */
	public int layerOf(String path) {
		for (int i = 0; i < this.layers.size(); i++) {
			if (this.layers.get(i).containsKey(path)) {
				return i;
			}
		}
		return -1;
	}

	public byte[] file(String path) {
		return this.layers.get(layerOf(path)).get(path);
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		if (array != null) {
			array.forEach((value) -> values.add(value.asString()));
		}
		return values;
	}

}
