package uk.gov.analyticalplatform.dataaccess.internal.status;

import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.reconcile.ApplyStatus;
import uk.gov.analyticalplatform.reconcile.StatusRow;

/**
 * One row of {@code access_roles}.
 *
 * @param user the user
 * @param row the standard status columns
 * @param roleArn the role's ARN as last applied, or {@code null}
 * @param appliedPolicies what AWS reported after the last apply, as JSON, or {@code null}
 */
public record RoleStatus(UserRef user, StatusRow<String> row, String roleArn, String appliedPolicies) {

	public ApplyStatus status() {
		return this.row.status();
	}

}
