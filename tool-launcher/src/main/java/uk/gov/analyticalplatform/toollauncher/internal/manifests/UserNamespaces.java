package uk.gov.analyticalplatform.toollauncher.internal.manifests;

import uk.gov.analyticalplatform.dataaccess.WorkloadIdentities;

/**
 * The Kubernetes names that stand for a user, as {@link WorkloadIdentities} names them
 * (the one function data access's IRSA trust policies use too): namespace
 * {@code user-<safe name>} and host labels {@code <safe name>-<tool>}.
 */
public final class UserNamespaces {

	/** The longest DNS label: namespaces and host labels are one. */
	static final int MAX_LABEL = WorkloadIdentities.MAX_LABEL;

	/** The longest safe name: it leaves room for {@code -jupyterlab} in a host label. */
	static final int MAX_NAME = WorkloadIdentities.MAX_USER_NAME;

	private UserNamespaces() {
	}

	/** The user's namespace: {@code user-<safe name>}. */
	public static String namespace(String username) {
		return WorkloadIdentities.userNamespace(username);
	}

	/** See {@link WorkloadIdentities#userSafeName(String)}. */
	public static String safeName(String username) {
		return WorkloadIdentities.userSafeName(username);
	}

	/** The first DNS label of the user's host for a tool: {@code <safe name>-<tool>}. */
	public static String hostLabel(String username, String toolSlug) {
		return safeName(username) + "-" + toolSlug;
	}

}
