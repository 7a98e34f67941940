package uk.gov.analyticalplatform.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Rendered manifests as plain maps, and paths into them. */
final class Manifests {

	private Manifests() {
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> parse(String yaml) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
			if (document != null) {
				documents.add((Map<String, Object>) document);
			}
		}
		return documents;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> parseOne(String yaml) {
		return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
	}

	static Map<String, Object> only(List<Map<String, Object>> manifests, String kind) {
		List<Map<String, Object>> found = manifests.stream().filter((m) -> kind.equals(m.get("kind"))).toList();
		if (found.size() != 1) {
			throw new AssertionError("expected one " + kind + ", found " + found.size());
		}
		return found.get(0);
	}

	static List<String> kinds(List<Map<String, Object>> manifests) {
		return manifests.stream().map((m) -> (String) m.get("kind")).toList();
	}

	/**
	 * The value at a path of map keys and list indexes, such as {@code spec.replicas}.
	 */
	static <T> T at(Object node, String path) {
		return atKeys(node, path.split("\\."));
	}

	/** The value at a path of map keys that may hold dots themselves. */
	@SuppressWarnings("unchecked")
	static <T> T atKeys(Object node, String... steps) {
		Object current = node;
		for (String step : steps) {
			if (current instanceof List<?> list) {
				current = list.get(Integer.parseInt(step));
			}
			else if (current instanceof Map<?, ?> map) {
				current = map.get(step);
			}
			else {
				throw new AssertionError("no " + step + " in " + String.join(" > ", steps));
			}
		}
		return (T) current;
	}

}
