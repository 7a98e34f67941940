package uk.gov.analyticalplatform.appdeploy.internal.apps;

import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.appdeploy.AppViewers;
import uk.gov.analyticalplatform.appdeploy.Caller;
import uk.gov.analyticalplatform.appdeploy.InvalidApp;
import uk.gov.analyticalplatform.appdeploy.ViewerLimitReached;
import uk.gov.analyticalplatform.appdeploy.Viewers;
import uk.gov.analyticalplatform.appdeploy.internal.apps.AppRows.AppRow;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;

/**
 * Viewers, at most {@code platform.apps.max-viewers} per app: an addition locks the app's
 * row, so additions to one app happen one after another and each counts the viewers the
 * one before it committed.
 */
public class ViewerService implements AppViewers {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final AppDirectory directory;

	private final ViewerRows viewers;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final Clock clock;

	ViewerService(AppDirectory directory, ViewerRows viewers, AuditLog audit, TransactionOperations transactions,
			Clock clock) {
		this.directory = directory;
		this.viewers = viewers;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public Viewers list(Caller caller, String app) {
		AppRow row = this.directory.manageable(caller, app);
		return new Viewers(this.viewers.of(row.id()), limit());
	}

	@Override
	public Viewers add(Caller caller, String app, String email) {
		String address = email(email);
		return this.transactions.execute((tx) -> {
			AppRow row = this.directory.lockManageable(caller, app);
			if (!this.viewers.contains(row.id(), address)) {
				if (this.viewers.count(row.id()) >= limit()) {
					throw new ViewerLimitReached(app, limit());
				}
				this.viewers.insert(row.id(), address, this.clock.instant(), caller.username());
				this.audit.record(AuditEvent.of(caller.actor(), "app.viewer.added", "app", app).with("email", address));
			}
			return new Viewers(this.viewers.of(row.id()), limit());
		});
	}

	@Override
	public Viewers remove(Caller caller, String app, String email) {
		String address = (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
		return this.transactions.execute((tx) -> {
			AppRow row = this.directory.lockManageable(caller, app);
			if (this.viewers.delete(row.id(), address)) {
				this.audit
					.record(AuditEvent.of(caller.actor(), "app.viewer.removed", "app", app).with("email", address));
			}
			return new Viewers(this.viewers.of(row.id()), limit());
		});
	}

	private int limit() {
		return this.directory.settings().maxViewers();
	}

	private static String email(String email) {
		String address = (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
		if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
			throw new InvalidApp("email", "Enter an email address in the correct format, like name@example.gov.uk");
		}
		return address;
	}

}
