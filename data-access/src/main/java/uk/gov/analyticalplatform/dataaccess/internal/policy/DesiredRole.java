package uk.gov.analyticalplatform.dataaccess.internal.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * What AWS should have for one user. A user without any access has no role:
 * {@link #hasAccess()} is false and the reconciler deletes what exists.
 *
 * @param username the user
 * @param roleName {@code <prefix>_user_<username>}
 * @param trustPolicy the IRSA trust policy
 * @param inlinePolicy the inline role policy, or {@code null} without access
 * @param managedPolicies customer-managed policies for what does not fit inline, in order
 * @param lakeFormation Lake Formation permissions for the role, sorted
 */
public record DesiredRole(String username, String roleName, String trustPolicy, NamedPolicy inlinePolicy,
		List<NamedPolicy> managedPolicies, List<LakeFormationGrant> lakeFormation) {

	public DesiredRole {
		managedPolicies = List.copyOf(managedPolicies);
		lakeFormation = List.copyOf(lakeFormation);
	}

	public boolean hasAccess() {
		return this.inlinePolicy != null;
	}

	/** Every permission policy: the inline one, then the managed ones. */
	public List<NamedPolicy> permissionPolicies() {
		if (this.inlinePolicy == null) {
			return List.of();
		}
		List<NamedPolicy> all = new ArrayList<>();
		all.add(this.inlinePolicy);
		all.addAll(this.managedPolicies);
		return all;
	}

}
