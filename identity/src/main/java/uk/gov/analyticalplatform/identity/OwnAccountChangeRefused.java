package uk.gov.analyticalplatform.identity;

/** Admins may not suspend themselves or drop their own admin role. */
public class OwnAccountChangeRefused extends IdentityException {

	private static final long serialVersionUID = 1L;

	public OwnAccountChangeRefused() {
		super("You cannot suspend yourself or remove your own admin role; ask another admin.");
	}

}
