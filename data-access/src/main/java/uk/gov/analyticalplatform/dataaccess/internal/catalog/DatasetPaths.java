package uk.gov.analyticalplatform.dataaccess.internal.catalog;

import java.util.List;
import java.util.regex.Pattern;

import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetKind;
import uk.gov.analyticalplatform.dataaccess.InvalidDataset;
import uk.gov.analyticalplatform.dataaccess.InvalidPath;

/**
 * The shapes of names and paths. An S3 path is one or more segments of letters, digits
 * and {@code _ . = -} separated by {@code /}, without {@code .} or {@code ..} segments,
 * normalised to end in {@code /}. A Glue name is lower-case letters, digits and
 * underscores.
 */
public final class DatasetPaths {

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.=-]+");

	private static final Pattern GLUE_NAME = Pattern.compile("[a-z0-9_]{1,255}");

	private static final Pattern DATASET_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

	private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

	private DatasetPaths() {
	}

	/** The prefix normalised to end in {@code /}, or empty for an empty one. */
	public static String prefix(String path) {
		if (path == null || path.isEmpty()) {
			return "";
		}
		String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		if (trimmed.isEmpty() || trimmed.startsWith("/")) {
			throw new InvalidPath("A path is relative, such as 'a/' or 'year=2024/', not '" + path + "'");
		}
		for (String segment : trimmed.split("/", -1)) {
			if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
				throw new InvalidPath("A path is made of segments of letters, digits and _ . = - separated by /, "
						+ "without empty, '.' or '..' segments, not '" + path + "'");
			}
		}
		return trimmed + "/";
	}

	/** A sub-path or table of the dataset, normalised; refused if it is not one. */
	public static String subPath(Dataset dataset, String path) {
		if (dataset.kind() == DatasetKind.S3) {
			String prefix = prefix(path);
			if (prefix.isEmpty()) {
				throw new InvalidPath("A sub-path names part of the dataset; leave the paths out for all of it");
			}
			return prefix;
		}
		if (path == null || !GLUE_NAME.matcher(path).matches()) {
			throw new InvalidPath("An Athena dataset's paths are table names (lower-case letters, digits, "
					+ "underscores), not '" + path + "'");
		}
		if (!dataset.tables().isEmpty() && !dataset.tables().contains(path)) {
			throw new InvalidPath("Table '" + path + "' is not part of dataset " + dataset.name() + "; it has "
					+ String.join(", ", dataset.tables()));
		}
		return path;
	}

	public static void checkName(String name) {
		if (name == null || !DATASET_NAME.matcher(name).matches()) {
			throw new InvalidDataset(
					"A dataset name is 2 to 63 lower-case letters, digits and hyphens, not '" + name + "'");
		}
	}

	public static void checkBucket(String bucket) {
		if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
			throw new InvalidDataset("'" + bucket + "' is not a valid S3 bucket name");
		}
	}

	static void checkGlue(String database, List<String> tables) {
		if (database == null || !GLUE_NAME.matcher(database).matches()) {
			throw new InvalidDataset("'" + database + "' is not a valid Glue database name");
		}
		for (String table : tables) {
			if (!GLUE_NAME.matcher(table).matches()) {
				throw new InvalidDataset("'" + table + "' is not a valid Glue table name");
			}
		}
	}

}
