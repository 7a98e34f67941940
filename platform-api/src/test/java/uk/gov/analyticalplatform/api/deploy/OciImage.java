package uk.gov.analyticalplatform.api.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OCI image layout tarball that Jib writes ({@code target/jib-image.tar}), read as a
 * registry or a container runtime would: the index, the manifest, the config, and the
 * files of every layer with their modes.
 */
final class OciImage {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, byte[]> blobs;

	private final JsonNode manifest;

	private OciImage(Map<String, byte[]> blobs, JsonNode manifest) {
		this.blobs = blobs;
		this.manifest = manifest;
	}

	static OciImage read(Path tarball) throws IOException {
		Map<String, byte[]> entries = new HashMap<>();
		try (InputStream in = Files.newInputStream(tarball)) {
			Tar.read(in, (entry) -> entries.put(entry.name(), entry.content()));
		}
		JsonNode index = json.readTree(entries.get("index.json"));
		JsonNode manifest = json.readTree(entries.get(blob(index.path("manifests").get(0))));
		return new OciImage(entries, manifest);
	}

	JsonNode config() {
		return json.readTree(this.blobs.get(blob(this.manifest.path("config")))).path("config");
	}

	/** Every file of every layer, by path without the leading slash, with its mode. */
	Map<String, Integer> files() throws IOException {
		Map<String, Integer> files = new HashMap<>();
		eachFile((entry) -> files.put(entry.name(), entry.mode()));
		return files;
	}

	/** Visits every file of every layer, lower layers first. */
	void eachFile(Tar.Visitor visitor) throws IOException {
		for (JsonNode layer : this.manifest.path("layers")) {
			try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(this.blobs.get(blob(layer))))) {
				Tar.read(in,
						(entry) -> visitor.visit(new Tar.Entry(
								entry.name().replaceFirst("^\\./", "").replaceFirst("^/", "").replaceFirst("/$", ""),
								entry.mode(), entry.type(), entry.link(), entry.content())));
			}
		}
	}

	/** The total size of the layers as a registry stores them (compressed). */
	long compressedSize() {
		long size = 0;
		for (JsonNode layer : this.manifest.path("layers")) {
			size += layer.path("size").asLong();
		}
		return size;
	}

	private static String blob(JsonNode descriptor) {
		return "blobs/" + descriptor.path("digest").asString().replace(':', '/');
	}

	/** The smallest tar reader that does: ustar headers, PAX and GNU long names. */
	static final class Tar {

		/**
		 * One entry: {@code type} is the tar type flag ({@code '0'} a file, {@code '5'} a
		 * folder, {@code '2'} a symbolic link to {@code link}).
		 */
		record Entry(String name, int mode, char type, String link, byte[] content) {

		}

		interface Visitor {

			void visit(Entry entry) throws IOException;

		}

		static void read(InputStream in, Visitor visitor) throws IOException {
			String longName = null;
			while (true) {
				byte[] header = in.readNBytes(512);
				if (header.length < 512 || header[0] == 0) {
					return;
				}
				String name = text(header, 0, 100);
				String prefix = text(header, 345, 155);
				int mode = (int) octal(header, 100, 8);
				long size = octal(header, 124, 12);
				char type = (char) header[156];
				byte[] content = in.readNBytes((int) size);
				in.skipNBytes((512 - size % 512) % 512);
				if (type == 'L') {
					longName = new String(content, StandardCharsets.UTF_8).trim();
				}
				else if (type == 'x') {
					longName = paxPath(new String(content, StandardCharsets.UTF_8));
				}
				else {
					String path = (longName != null) ? longName : (prefix.isEmpty() ? name : prefix + "/" + name);
					longName = null;
					visitor.visit(new Entry(path, mode, type, text(header, 157, 100), content));
				}
			}
		}

		private static String paxPath(String records) {
			for (String record : records.split("\n")) {
				int equals = record.indexOf("path=");
				if (equals >= 0) {
					return record.substring(equals + 5);
				}
			}
			return null;
		}

		private static String text(byte[] header, int offset, int length) {
			int end = offset;
			while (end < offset + length && header[end] != 0) {
				end++;
			}
			return new String(header, offset, end - offset, StandardCharsets.UTF_8);
		}

		private static long octal(byte[] header, int offset, int length) {
			String value = text(header, offset, length).trim();
			return value.isEmpty() ? 0 : Long.parseLong(value, 8);
		}

	}

}
