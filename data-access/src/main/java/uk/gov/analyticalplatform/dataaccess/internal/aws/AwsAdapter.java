package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import software.amazon.awssdk.core.exception.SdkServiceException;

import uk.gov.analyticalplatform.dataaccess.internal.policy.DesiredRole;
import uk.gov.analyticalplatform.dataaccess.internal.policy.NamedPolicy;
import uk.gov.analyticalplatform.dataaccess.internal.reconcile.AwsGateway;
import uk.gov.analyticalplatform.dataaccess.internal.reconcile.ThrottledByAws;

/**
 * The reconciler's view of AWS, implemented with IAM, STS, S3, Glue, Lake Formation and
 * Athena. A call that AWS still throttles after the SDK's retries ends the operation with
 * {@link ThrottledByAws}; any other AWS error is passed on as the SDK reports it.
 */
public class AwsAdapter implements AwsGateway {

	private final AwsClients clients;

	private final IamRoles roles;

	private final LakeFormationPermissions lakeFormation;

	private final S3Buckets buckets;

	private final GlueDatabases databases;

	private final AthenaWorkgroups workgroups;

	private final String configuredAccountId;

	private volatile String accountId;

	/**
	 * @param clients the SDK clients
	 * @param region the region
	 * @param partition the ARN partition
	 * @param owner the value of the ownership tag on everything the platform creates
	 * @param accountId the account, or {@code null} to ask STS
	 */
	public AwsAdapter(AwsClients clients, String region, String partition, String owner, String accountId) {
		this.clients = clients;
		this.roles = new IamRoles(clients.iam, partition, owner);
		this.lakeFormation = new LakeFormationPermissions(clients.lakeFormation);
		this.buckets = new S3Buckets(clients.s3, region, partition, owner);
		this.databases = new GlueDatabases(clients.glue, region, partition, owner);
		this.workgroups = new AthenaWorkgroups(clients.athena, owner);
		this.configuredAccountId = accountId;
	}

	@Override
	public RoleApplied applyRole(DesiredRole desired) {
		return unlessThrottled(() -> apply(desired));
	}

	private RoleApplied apply(DesiredRole desired) {
		List<String> changes = new ArrayList<>();
		String arn = this.roles.apply(desired, accountId(), changes);
		this.lakeFormation.apply(arn, desired.lakeFormation(), changes);
		StringBuilder trust = new StringBuilder();
		List<NamedPolicy> policies = this.roles.read(desired.roleName(), trust);
		return new RoleApplied(changes,
				new AppliedRole(arn, trust.toString(), policies, this.lakeFormation.describe(arn)));
	}

	@Override
	public boolean deleteRole(String roleName) {
		return unlessThrottled(() -> delete(roleName));
	}

	private boolean delete(String roleName) {
		String arn = this.roles.find(roleName).map((role) -> role.arn()).orElse(null);
		if (arn == null) {
			return false;
		}
		List<String> changes = new ArrayList<>();
		boolean deleted = this.roles.delete(roleName, changes);
		if (deleted) {
			this.lakeFormation.revokeAll(arn);
		}
		return deleted;
	}

	@Override
	public List<String> ownedRoles(String namePrefix) {
		return unlessThrottled(() -> this.roles.owned(namePrefix));
	}

	@Override
	public List<String> provisionBucket(BucketSpec bucket) {
		return unlessThrottled(() -> this.buckets.provision(bucket));
	}

	@Override
	public List<String> provisionLogBucket(String bucket) {
		return unlessThrottled(() -> this.buckets.provisionLogBucket(bucket));
	}

	@Override
	public List<String> provisionGlueDatabase(String database, List<String> tables) {
		return unlessThrottled(() -> this.databases.provision(database, tables, accountId()));
	}

	@Override
	public List<String> provisionWorkgroup(WorkgroupSpec workgroup) {
		return unlessThrottled(() -> this.workgroups.provision(workgroup));
	}

	@Override
	public String accountId() {
		String known = this.accountId;
		if (known == null) {
			known = (this.configuredAccountId != null && !this.configuredAccountId.isBlank()) ? this.configuredAccountId
					: unlessThrottled(() -> this.clients.sts.getCallerIdentity().account());
			this.accountId = known;
		}
		return known;
	}

	private static <T> T unlessThrottled(Supplier<T> calls) {
		try {
			return calls.get();
		}
		catch (SdkServiceException ex) {
			if (ex.isThrottlingException()) {
				throw new ThrottledByAws(
						"AWS throttled the control plane's calls, retried with backoff: " + ex.getMessage(), ex);
			}
			throw ex;
		}
	}

}
