package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

import uk.gov.analyticalplatform.dataaccess.internal.policy.DesiredRole;
import uk.gov.analyticalplatform.dataaccess.internal.policy.NamedPolicy;
import uk.gov.analyticalplatform.dataaccess.internal.reconcile.RoleNotOwned;

/**
 * Users' IAM roles and their policies, under the platform's IAM path and tagged as the
 * platform's. Each call brings one role to its desired state and reports what changed.
 */
class IamRoles {

	static final String PATH = "/analytical-platform/";

	static final String TAG = "analytical-platform:managed-by";

	private final IamClient iam;

	private final String partition;

	private final String owner;

	IamRoles(IamClient iam, String partition, String owner) {
		this.iam = iam;
		this.partition = partition;
		this.owner = owner;
	}

	/**
	 * Brings the role, its trust policy, inline and managed policies to the desired
	 * state.
	 */
	String apply(DesiredRole desired, String accountId, List<String> changes) {
		String name = desired.roleName();
		Role role = find(name).orElse(null);
		if (role == null) {
			role = this.iam
				.createRole((r) -> r.roleName(name)
					.path(PATH)
					.assumeRolePolicyDocument(desired.trustPolicy())
					.description("Data access of " + desired.username() + ", managed by the Analytical Platform")
					.tags(tag()))
				.role();
			changes.add("created role " + name);
		}
		else {
			requireOwned(role.tags(), "role " + name);
			if (!PolicyDocuments.same(role.assumeRolePolicyDocument(), desired.trustPolicy())) {
				this.iam.updateAssumeRolePolicy((r) -> r.roleName(name).policyDocument(desired.trustPolicy()));
				changes.add("trust policy differed");
			}
		}
		applyInline(name, desired.inlinePolicy(), changes);
		applyManaged(name, desired.managedPolicies(), accountId, changes);
		return role.arn();
	}

	/**
	 * Deletes the role and its policies if it exists and is the platform's; false if
	 * there was nothing.
	 */
	boolean delete(String name, List<String> changes) {
		Role role = find(name).orElse(null);
		if (role == null || !owned(role.tags())) {
			return false;
		}
		for (String inline : this.iam.listRolePoliciesPaginator((r) -> r.roleName(name)).policyNames()) {
			this.iam.deleteRolePolicy((r) -> r.roleName(name).policyName(inline));
		}
		for (AttachedPolicy attached : attached(name)) {
			this.iam.detachRolePolicy((r) -> r.roleName(name).policyArn(attached.policyArn()));
			deleteIfOurs(attached.policyArn());
		}
		this.iam.deleteRole((r) -> r.roleName(name));
		changes.add("deleted role " + name);
		return true;
	}

	/** The platform's roles under its path whose names start with the prefix. */
	List<String> owned(String namePrefix) {
		List<String> names = new ArrayList<>();
		for (Role role : this.iam.listRolesPaginator((r) -> r.pathPrefix(PATH)).roles()) {
			if (role.roleName().startsWith(namePrefix)
					&& owned(this.iam.listRoleTags((r) -> r.roleName(role.roleName())).tags())) {
				names.add(role.roleName());
			}
		}
		return names;
	}

	/**
	 * The role's trust policy, inline policies and attached policies' default versions.
	 */
	List<NamedPolicy> read(String name, StringBuilder trust) {
		Role role = this.iam.getRole((r) -> r.roleName(name)).role();
		trust.append(PolicyDocuments.decode(role.assumeRolePolicyDocument()));
		List<NamedPolicy> policies = new ArrayList<>();
		for (String inline : this.iam.listRolePoliciesPaginator((r) -> r.roleName(name)).policyNames()) {
			String document = this.iam.getRolePolicy((r) -> r.roleName(name).policyName(inline)).policyDocument();
			policies.add(new NamedPolicy(inline, PolicyDocuments.decode(document)));
		}
		for (AttachedPolicy attached : attached(name)) {
			Policy policy = this.iam.getPolicy((r) -> r.policyArn(attached.policyArn())).policy();
			policies.add(new NamedPolicy(attached.policyName(), defaultDocument(policy)));
		}
		return policies;
	}

	private void applyInline(String role, NamedPolicy desired, List<String> changes) {
		List<String> existing = this.iam.listRolePoliciesPaginator((r) -> r.roleName(role))
			.policyNames()
			.stream()
			.toList();
		if (!existing.contains(desired.name())) {
			put(role, desired);
			changes.add("inline policy " + desired.name() + " was missing");
		}
		else {
			String actual = this.iam.getRolePolicy((r) -> r.roleName(role).policyName(desired.name())).policyDocument();
			if (!PolicyDocuments.same(actual, desired.document())) {
				put(role, desired);
				changes.add("inline policy " + desired.name() + " differed");
			}
		}
		for (String other : existing) {
			if (!other.equals(desired.name())) {
				this.iam.deleteRolePolicy((r) -> r.roleName(role).policyName(other));
				changes.add("removed inline policy " + other);
			}
		}
	}

	private void put(String role, NamedPolicy policy) {
		this.iam.putRolePolicy((r) -> r.roleName(role).policyName(policy.name()).policyDocument(policy.document()));
	}

	private void applyManaged(String role, List<NamedPolicy> desired, String accountId, List<String> changes) {
		Map<String, String> attached = new LinkedHashMap<>();
		attached(role).forEach((policy) -> attached.put(policy.policyArn(), policy.policyName()));
		List<String> wanted = new ArrayList<>();
		for (NamedPolicy policy : desired) {
			String arn = "arn:" + this.partition + ":iam::" + accountId + ":policy" + PATH + policy.name();
			wanted.add(arn);
			ensureManaged(arn, policy, changes);
			if (!attached.containsKey(arn)) {
				this.iam.attachRolePolicy((r) -> r.roleName(role).policyArn(arn));
				changes.add("attached policy " + policy.name());
			}
		}
		for (Map.Entry<String, String> policy : attached.entrySet()) {
			if (!wanted.contains(policy.getKey())) {
				this.iam.detachRolePolicy((r) -> r.roleName(role).policyArn(policy.getKey()));
				deleteIfOurs(policy.getKey());
				changes.add("detached policy " + policy.getValue());
			}
		}
	}

	private void ensureManaged(String arn, NamedPolicy desired, List<String> changes) {
		Policy existing = policy(arn).orElse(null);
		if (existing == null) {
			this.iam.createPolicy((r) -> r.policyName(desired.name())
				.path(PATH)
				.policyDocument(desired.document())
				.description("Data access spill-over policy, managed by the Analytical Platform")
				.tags(tag()));
			changes.add("created policy " + desired.name());
			return;
		}
		requireOwned(existing.tags(), "policy " + desired.name());
		if (!PolicyDocuments.same(defaultDocument(existing), desired.document())) {
			List<PolicyVersion> versions = versions(arn);
			if (versions.size() >= 5) {
				versions.stream()
					.filter((version) -> !version.isDefaultVersion())
					.min(Comparator.comparing(PolicyVersion::createDate))
					.ifPresent((oldest) -> this.iam
						.deletePolicyVersion((r) -> r.policyArn(arn).versionId(oldest.versionId())));
			}
			this.iam.createPolicyVersion((r) -> r.policyArn(arn).policyDocument(desired.document()).setAsDefault(true));
			changes.add("policy " + desired.name() + " differed");
		}
	}

	private void deleteIfOurs(String arn) {
		Policy policy = policy(arn).orElse(null);
		if (policy == null || !owned(policy.tags())) {
			return;
		}
		for (PolicyVersion version : versions(arn)) {
			if (!version.isDefaultVersion()) {
				this.iam.deletePolicyVersion((r) -> r.policyArn(arn).versionId(version.versionId()));
			}
		}
		this.iam.deletePolicy((r) -> r.policyArn(arn));
	}

	private String defaultDocument(Policy policy) {
		return PolicyDocuments
			.decode(this.iam.getPolicyVersion((r) -> r.policyArn(policy.arn()).versionId(policy.defaultVersionId()))
				.policyVersion()
				.document());
	}

	private List<PolicyVersion> versions(String arn) {
		return this.iam.listPolicyVersions((r) -> r.policyArn(arn)).versions();
	}

	private List<AttachedPolicy> attached(String role) {
		return this.iam.listAttachedRolePoliciesPaginator((r) -> r.roleName(role)).attachedPolicies().stream().toList();
	}

	Optional<Role> find(String name) {
		try {
			return Optional.of(this.iam.getRole((r) -> r.roleName(name)).role());
		}
		catch (NoSuchEntityException ex) {
			return Optional.empty();
		}
	}

	private Optional<Policy> policy(String arn) {
		try {
			return Optional.of(this.iam.getPolicy((r) -> r.policyArn(arn)).policy());
		}
		catch (NoSuchEntityException ex) {
			return Optional.empty();
		}
	}

	private Tag tag() {
		return Tag.builder().key(TAG).value(this.owner).build();
	}

	private boolean owned(List<Tag> tags) {
		return tags != null && tags.stream().anyMatch((tag) -> TAG.equals(tag.key()) && this.owner.equals(tag.value()));
	}

	private void requireOwned(List<Tag> tags, String what) {
		if (!owned(tags)) {
			throw new RoleNotOwned("IAM " + what + " exists but is not managed by the Analytical Platform (no " + TAG
					+ "=" + this.owner + " tag); it is left alone");
		}
	}

}
