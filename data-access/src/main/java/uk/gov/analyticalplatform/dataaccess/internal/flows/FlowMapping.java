package uk.gov.analyticalplatform.dataaccess.internal.flows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Maps a logged request to what data-flow tracking records: which dataset and path it
 * touched (the dataset whose bucket and longest root prefix hold the key), whether it
 * read, wrote or listed, and who was behind the role (the platform's role names:
 * {@code <prefix>_user_<username>}, {@code <prefix>_app_<name>},
 * {@code <prefix>_pipeline_<name>}). Pure: no I/O; one instance serves one pass (it
 * remembers the roles it has seen) and is not for concurrent use.
 */
final class FlowMapping {

	private final String rolePrefix;

	private static final List<String> KINDS = List.of("user", "app", "pipeline");

	private static final int MAX_ROLES = 10_000;

	private static final Who NOBODY = new Who(null, "UNKNOWN", null);

	private final Map<String, List<Location>> buckets = new HashMap<>();

	private final Map<String, Who> roles = new HashMap<>();

	FlowMapping(String rolePrefix, List<Location> locations) {
		this.rolePrefix = rolePrefix;
		for (Location location : locations) {
			this.buckets.computeIfAbsent(location.bucket(), (b) -> new ArrayList<>()).add(location);
		}
		this.buckets.values()
			.forEach((list) -> list.sort(Comparator.comparingInt((Location l) -> l.rootPrefix().length()).reversed()));
	}

	/**
	 * Where a dataset lives.
	 *
	 * @param datasetId the dataset
	 * @param bucket its bucket
	 * @param rootPrefix its root prefix, empty for the whole bucket
	 */
	record Location(UUID datasetId, String bucket, String rootPrefix) {

	}

	/**
	 * A request as data-flow tracking records it.
	 *
	 * @param datasetId the dataset, or {@code null} if none holds the key
	 * @param objectKey the key relative to the dataset's root, or {@code null}
	 * @param path the folder of that key, such as {@code raw/2026/}, or empty at the root
	 * @param direction READ, WRITE, LIST or OTHER
	 * @param bytes bytes read (sent) or written (object size)
	 * @param roleName the role behind the requester, or {@code null}
	 * @param principalType USER, APP, PIPELINE or UNKNOWN
	 * @param principal the user's, app's or pipeline's name, or {@code null}
	 */
	record Flow(UUID datasetId, String objectKey, String path, String direction, long bytes, String roleName,
			String principalType, String principal) {

	}

	Flow map(AccessLogLine line) {
		Location location = locate(line.bucket(), line.key());
		String relative = (location != null && line.key() != null)
				? line.key().substring(location.rootPrefix().length()) : line.key();
		String path = (relative != null && relative.lastIndexOf('/') >= 0)
				? relative.substring(0, relative.lastIndexOf('/') + 1) : "";
		String direction = direction(line.operation());
		long bytes = "WRITE".equals(direction) ? line.objectSize() : line.bytesSent();
		String role = role(line.requester());
		Who who = (role != null) ? who(role) : NOBODY;
		return new Flow((location != null) ? location.datasetId() : null, relative, path, direction, bytes,
				who.roleName(), who.type(), who.principal());
	}

	/**
	 * Who is behind a role: a log file names few roles, each many times, so each is
	 * looked up once.
	 */
	private Who who(String role) {
		Who known = this.roles.get(role);
		if (known == null) {
			known = whoIs(role);
			if (this.roles.size() < MAX_ROLES) {
				this.roles.put(role, known);
			}
		}
		return known;
	}

	private Who whoIs(String role) {
		if (role.startsWith(this.rolePrefix + "_")) {
			String rest = role.substring(this.rolePrefix.length() + 1);
			for (String kind : KINDS) {
				if (rest.startsWith(kind + "_") && rest.length() > kind.length() + 1) {
					return new Who(role, kind.toUpperCase(), rest.substring(kind.length() + 1));
				}
			}
		}
		return new Who(role, "UNKNOWN", null);
	}

	private record Who(String roleName, String type, String principal) {

	}

	private Location locate(String bucket, String key) {
		for (Location location : this.buckets.getOrDefault(bucket, List.of())) {
			if (location.rootPrefix().isEmpty() || (key != null && key.startsWith(location.rootPrefix()))) {
				return location;
			}
		}
		return null;
	}

	static String direction(String operation) {
		return switch (operation) {
			case "REST.GET.OBJECT", "REST.SELECT.OBJECT_CONTENT", "REST.POST.SELECT" -> "READ";
			case "REST.PUT.OBJECT", "REST.POST.OBJECT", "REST.COPY.OBJECT", "REST.COPY.PART", "REST.PUT.PART",
					"REST.POST.UPLOAD", "REST.POST.UPLOADS", "REST.DELETE.OBJECT", "REST.POST.MULTI_OBJECT_DELETE" ->
				"WRITE";
			case "REST.GET.BUCKET", "REST.GET.OBJECT_LIST", "REST.GET.BUCKETVERSIONS" -> "LIST";
			default -> "OTHER";
		};
	}

	/**
	 * The role name of an assumed-role ARN,
	 * {@code arn:aws:sts::1:assumed-role/NAME/session}.
	 */
	static String role(String requester) {
		if (requester == null) {
			return null;
		}
		int start = requester.indexOf(":assumed-role/");
		if (start < 0) {
			int role = requester.indexOf(":role/");
			return (role < 0) ? null : requester.substring(role + 6);
		}
		int from = start + ":assumed-role/".length();
		int end = requester.indexOf('/', from);
		return (end < 0) ? requester.substring(from) : requester.substring(from, end);
	}

}
