package uk.gov.analyticalplatform.api.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.appdeploy.AppOwner;
import uk.gov.analyticalplatform.appdeploy.Apps;
import uk.gov.analyticalplatform.appdeploy.NewApp;
import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.AccessNotifications;
import uk.gov.analyticalplatform.dataaccess.AccessRequest;
import uk.gov.analyticalplatform.dataaccess.AccessRequestState;
import uk.gov.analyticalplatform.dataaccess.AccessRequests;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.Classification;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.Grant;
import uk.gov.analyticalplatform.dataaccess.Grants;
import uk.gov.analyticalplatform.dataaccess.Group;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.dataaccess.NewAccessRequest;
import uk.gov.analyticalplatform.dataaccess.NewDataset;
import uk.gov.analyticalplatform.dataaccess.NewGrant;
import uk.gov.analyticalplatform.dataaccess.PathAccess;
import uk.gov.analyticalplatform.dataaccess.Principal;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.identity.Role;
import uk.gov.analyticalplatform.identity.UserAccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Email about access requests, and about new owners of apps that hold grants, through a
 * real SMTP server in the JVM (GreenMail), from the running application on a database of
 * its own: who is told, what they read, that a change that rolled back is told to nobody,
 * and that a mail outage neither loses an email nor touches the decision.
 */
@TestPropertySource(properties = { "platform.notifications.email.enabled=true",
		"platform.notifications.email.from=Analytical Platform <no-reply@platform.test>", "spring.mail.host=127.0.0.1",
		"platform.base-url=https://control-panel.test/", "platform.data-access.notifications.poll-interval=200ms",
		"platform.data-access.notifications.base-backoff=1h", "platform.data-access.notifications.max-backoff=2h" })
class EmailNotificationsIT extends IdentityIntegrationTest {

	static final int SMTP_PORT = freePort();

	static GreenMail smtp;

	@Autowired
	AccessRequests requests;

	@Autowired
	AccessNotifications notifications;

	@Autowired
	DatasetCatalog catalog;

	@Autowired
	Groups groups;

	@Autowired
	Grants grants;

	@Autowired
	Apps apps;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeEach
	void mailServerUp() {
		if (smtp == null) {
			smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			smtp.start();
		}
	}

	@AfterAll
	static void mailServerDown() {
		if (smtp != null) {
			smtp.stop();
			smtp = null;
		}
	}

	@Test
	void aNewRequestIsEmailedToEveryoneWhoMayDecideIt() throws Exception {
		UserAccount dataAdmin = this.users.unenrolled("dadmin");
		UserAccount otherDataAdmin = this.users.unenrolled("dadmin");
		UserAccount analyst = this.users.unenrolled("analyst");
		Dataset dataset = dataset(dataAdmin, otherDataAdmin);
		AccessRequest request = this.requests.submit(caller(analyst),
				NewAccessRequest.of(dataset.id(), AccessLevel.READ_WRITE, "Monthly prison population report")
					.withPaths(PathAccess.read("monthly"), PathAccess.readWrite("scratch")));

		MimeMessage email = onlyEmailTo(dataAdmin);
		assertThat(addresses(email.getRecipients(RecipientType.TO))).containsExactlyInAnyOrder(dataAdmin.email(),
				otherDataAdmin.email());
		assertThat(onlyEmailTo(otherDataAdmin).getMessageID()).isEqualTo(email.getMessageID());
		assertThat(addresses(email.getFrom())).containsExactly("no-reply@platform.test");
		assertThat(email.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		assertThat(email.getSubject())
			.isEqualTo("[Test setup] " + analyst.username() + " asks for access to " + dataset.name());
		assertThat(body(email)).contains(analyst.username() + " has asked for access to")
			.contains("Dataset:       " + dataset.name())
			.contains("Level:         Read and write")
			.contains("Paths:         monthly/ (Read), scratch/ (Read and write)")
			.contains("Monthly prison population report")
			.contains("https://control-panel.test/data/approvals");
		assertThat(emailsTo(analyst)).isEmpty();
		assertThat(outbox(request.id())).containsExactly("REQUEST_CREATED SENT after 1");
	}

	@Test
	void aRequestNobodyElseMayDecideIsEmailedToThePlatformAdmins() throws Exception {
		UserAccount platformAdmin = this.users.enrolled("padmin", Role.PLATFORM_ADMIN).user();
		UserAccount analyst = this.users.unenrolled("analyst");
		Dataset dataset = dataset();
		this.requests.submit(caller(analyst), NewAccessRequest.of(dataset.id(), AccessLevel.READ, "Sentencing study"));

		MimeMessage email = onlyEmailTo(platformAdmin);
		assertThat(addresses(email.getRecipients(RecipientType.TO))).contains(platformAdmin.email())
			.doesNotContain(analyst.email());
		assertThat(body(email)).contains(dataset.name() + " has no data admins and you are a platform admin");
	}

	@Test
	void aDecisionIsEmailedToTheRequesterWithWhoDecidedAndWhy() throws Exception {
		UserAccount dataAdmin = this.users.unenrolled("dadmin");
		UserAccount analyst = this.users.unenrolled("analyst");
		Dataset dataset = dataset(dataAdmin);
		AccessRequest request = this.requests.submit(caller(analyst),
				NewAccessRequest.of(dataset.id(), AccessLevel.READ, "Court backlog analysis"));
		onlyEmailTo(dataAdmin);

		this.requests.approve(caller(dataAdmin), request.id(), "Needed for the\nbacklog report");

		MimeMessage email = onlyEmailTo(analyst);
		assertThat(addresses(email.getRecipients(RecipientType.TO))).containsExactly(analyst.email());
		assertThat(email.getSubject())
			.isEqualTo("[Test setup] Your request for access to " + dataset.name() + " was approved");
		assertThat(body(email)).contains("was approved by " + dataAdmin.username())
			.contains("Needed for the\n  backlog report")
			.contains("https://control-panel.test/data/requests");
		assertThat(emailsTo(dataAdmin)).hasSize(1);
		assertThat(outbox(request.id())).containsExactlyInAnyOrder("REQUEST_CREATED SENT after 1",
				"REQUEST_DECIDED SENT after 1");
	}

	@Test
	void aRequestThatExpiresIsEmailedToTheRequester() throws Exception {
		UserAccount analyst = this.users.unenrolled("analyst");
		Dataset dataset = dataset(this.users.unenrolled("dadmin"));
		AccessRequest request = this.requests.submit(caller(analyst),
				NewAccessRequest.of(dataset.id(), AccessLevel.READ, "One-off check")
					.until(this.clock.instant().plus(Duration.ofHours(1))));

		this.clock.advance(Duration.ofHours(2));

		MimeMessage email = onlyEmailTo(analyst);
		assertThat(email.getSubject()).endsWith("Your request for access to " + dataset.name() + " expired");
		assertThat(this.requests.mine(caller(analyst))).extracting(AccessRequest::state)
			.containsExactly(AccessRequestState.EXPIRED);
		assertThat(outbox(request.id())).contains("REQUEST_DECIDED SENT after 1");
	}

	@Test
	void aMailOutageDelaysTheEmailButNeitherLosesItNorTouchesTheDecision() throws Exception {
		Enrolled dataAdmin = this.users.enrolled("dadmin");
		ApiClient admin = signedIn(dataAdmin);
		UserAccount analyst = this.users.unenrolled("analyst");
		Dataset dataset = dataset(dataAdmin.user());
		AccessRequest request = this.requests.submit(caller(analyst),
				NewAccessRequest.of(dataset.id(), AccessLevel.READ, "Reoffending rates"));
		onlyEmailTo(dataAdmin.user());

		stopMailServer();
		Response approved = admin.post("/api/v1/access-requests/" + request.id() + "/approve",
				"{\"reason\": \"Approved during the outage\"}");
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.json().path("state").asString()).isEqualTo("APPROVED");
		assertThat(approved.json().path("grantId").asString()).isNotEmpty();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outbox(request.id())).contains("REQUEST_DECIDED PENDING after 1"));
		assertThat(reason(request.id(), "REQUEST_DECIDED")).startsWith("MailSendException");
		assertThat(this.requests.get(caller(analyst), request.id()).state()).isEqualTo(AccessRequestState.APPROVED);

		mailServerUp();
		this.clock.advance(Duration.ofHours(1));

		MimeMessage email = onlyEmailTo(analyst);
		assertThat(body(email)).contains("Approved during the outage");
		assertThat(outbox(request.id())).contains("REQUEST_DECIDED SENT after 2");
	}

	@Test
	void severalSendingAtOnceSendEachNotificationOnce() throws Exception {
		UserAccount dataAdmin = this.users.unenrolled("dadmin");
		Dataset dataset = dataset(dataAdmin);
		stopMailServer();
		List<UUID> queued = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			Caller requester = Caller.user(UUID.randomUUID().toString(), "requester-" + suffix());
			queued
				.add(this.requests.submit(requester, NewAccessRequest.of(dataset.id(), AccessLevel.READ, "Study " + i))
					.id());
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(queued)
				.allSatisfy((id) -> assertThat(outbox(id)).containsExactly("REQUEST_CREATED PENDING after 1")));
		mailServerUp();
		this.clock.advance(Duration.ofHours(1));

		int sentHere = deliverAtOnce(4);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(queued)
				.allSatisfy((id) -> assertThat(outbox(id)).containsExactly("REQUEST_CREATED SENT after 2")));
		List<MimeMessage> emails = emailsTo(dataAdmin);
		assertThat(emails).hasSize(queued.size());
		assertThat(emails.stream().map(EmailNotificationsIT::subject).distinct()).hasSize(queued.size());
		assertThat(sentHere).isLessThanOrEqualTo(queued.size());
	}

	@Test
	void aNewOwnerOfAnAppWithAGrantIsEmailedToEachDataAdminOfTheDataset() throws Exception {
		UserAccount dataAdmin = this.users.unenrolled("dadmin");
		UserAccount otherDataAdmin = this.users.unenrolled("dadmin");
		UserAccount owner = this.users.unenrolled("owner");
		UserAccount newcomer = this.users.unenrolled("newcomer");
		Dataset dataset = dataset(dataAdmin, otherDataAdmin);
		String app = app(owner);
		Grant grant = this.grants.grant(caller(dataAdmin),
				NewGrant.of(dataset.id(), Principal.app(app), AccessLevel.READ).withPaths(PathAccess.read("monthly")));

		addOwner(owner, app, newcomer);

		MimeMessage email = onlyEmailTo(dataAdmin);
		assertThat(addresses(email.getRecipients(RecipientType.TO))).containsExactly(dataAdmin.email());
		assertThat(email.getSubject()).isEqualTo("[Test setup] " + newcomer.username() + " is now an owner of app "
				+ app + ", which has access to " + dataset.name());
		assertThat(body(email)).contains(owner.username() + " made " + newcomer.username() + " an owner of app " + app)
			.contains("App:           " + app)
			.contains("Level:         Read")
			.contains("Paths:         monthly/ (Read)")
			.contains("New owner:     " + newcomer.username())
			.contains("Added by:      " + owner.username())
			.contains("https://control-panel.test/data/datasets/" + dataset.id() + "/access")
			.contains("because you are a data admin of " + dataset.name());
		assertThat(addresses(onlyEmailTo(otherDataAdmin).getRecipients(RecipientType.TO)))
			.containsExactly(otherDataAdmin.email());
		assertThat(emailsTo(newcomer)).isEmpty();
		assertThat(emailsTo(owner)).isEmpty();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ownerNotices(app)).containsExactlyInAnyOrder(
					"grant " + grant.id() + " to " + dataAdmin.username() + " of " + newcomer.username() + " SENT",
					"grant " + grant.id() + " to " + otherDataAdmin.username() + " of " + newcomer.username()
							+ " SENT"));
	}

	@Test
	void aNewOwnerOfAnAppWithoutAGrantIsEmailedToNobody() throws Exception {
		UserAccount dataAdmin = this.users.unenrolled("dadmin");
		UserAccount owner = this.users.unenrolled("owner");
		Dataset dataset = dataset(dataAdmin);
		String ungranted = app(owner);
		String granted = app(owner);
		grantTo(granted, dataset, dataAdmin);

		UserAccount first = this.users.unenrolled("newcomer");
		addOwner(owner, ungranted, first);
		assertThat(ownerNotices(ungranted)).isEmpty();
		UserAccount second = this.users.unenrolled("newcomer");
		addOwner(owner, granted, second);

		MimeMessage email = onlyEmailTo(dataAdmin);
		assertThat(email.getSubject()).contains(second.username() + " is now an owner of app " + granted);
		assertThat(ownerNotices(ungranted)).isEmpty();
	}

	@Test
	void anOwnerChangeThatRollsBackIsEmailedToNobody() throws Exception {
		UserAccount dataAdmin = this.users.unenrolled("dadmin");
		UserAccount owner = this.users.unenrolled("owner");
		Dataset dataset = dataset(dataAdmin);
		String app = app(owner);
		grantTo(app, dataset, dataAdmin);
		UserAccount rolledBack = this.users.unenrolled("newcomer");

		new TransactionTemplate(this.transactions).executeWithoutResult((tx) -> {
			addOwner(owner, app, rolledBack);
			assertThat(ownerNoticesInTransaction(app)).hasSize(1);
			tx.setRollbackOnly();
		});

		assertThat(ownerNotices(app)).isEmpty();
		assertThat(this.apps.get(appCaller(owner), app).owners()).extracting(AppOwner::username)
			.containsExactly(owner.username());
		UserAccount kept = this.users.unenrolled("newcomer");
		addOwner(owner, app, kept);
		MimeMessage email = onlyEmailTo(dataAdmin);
		assertThat(email.getSubject()).contains(kept.username() + " is now an owner of app " + app);
		assertThat(body(email)).doesNotContain(rolledBack.username());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ownerNotices(app)).singleElement()
				.asString()
				.endsWith(" of " + kept.username() + " SENT"));
	}

	/**
	 * Delivers from several threads at once, as several replicas would; returns how many
	 * they sent.
	 */
	private int deliverAtOnce(int threads) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				Callable<Integer> delivery = () -> {
					start.await();
					return this.notifications.deliverDue();
				};
				results.add(pool.submit(delivery));
			}
			start.countDown();
			int sent = 0;
			for (Future<Integer> result : results) {
				sent += result.get();
			}
			return sent;
		}
		finally {
			pool.shutdown();
		}
	}

	private Dataset dataset(UserAccount... dataAdmins) {
		String suffix = suffix();
		Caller admin = caller(this.users.admin());
		Group owner = this.groups.create(admin, "owners-" + suffix, "");
		UserRef[] refs = Arrays.stream(dataAdmins)
			.map((user) -> new UserRef(user.id().toString(), user.username()))
			.toArray(UserRef[]::new);
		return this.catalog.create(admin,
				NewDataset
					.s3("prisons-" + suffix, "Prison population", owner.id(), Classification.OFFICIAL_SENSITIVE,
							"mail-" + suffix, "curated/")
					.withDataAdmins(refs));
	}

	/** Registers an app the user owns; returns its name. */
	private String app(UserAccount owner) {
		String name = "mailed-" + suffix();
		return this.apps
			.register(appCaller(owner), new NewApp(name, "", "https://github.com/moj/" + name, "ghcr.io/moj/" + name))
			.name();
	}

	private void addOwner(UserAccount by, String app, UserAccount newcomer) {
		this.apps.addOwner(appCaller(by), app, new AppOwner(newcomer.id().toString(), newcomer.username()));
	}

	private void grantTo(String app, Dataset dataset, UserAccount dataAdmin) {
		this.grants.grant(caller(dataAdmin), NewGrant.of(dataset.id(), Principal.app(app), AccessLevel.READ));
	}

	private static uk.gov.analyticalplatform.appdeploy.Caller appCaller(UserAccount user) {
		return uk.gov.analyticalplatform.appdeploy.Caller.user(user.id().toString(), user.username());
	}

	/**
	 * The app's new-owner notifications as "grant G to ADMIN of OWNER STATE", committed.
	 */
	private List<String> ownerNotices(String app) {
		return superuserQuery(
				"SELECT 'grant ' || grant_id || ' to ' || recipient_username || ' of ' || owner_username "
						+ "|| ' ' || state FROM access_notifications WHERE app_name = ? ORDER BY recipient_username",
				app);
	}

	/** The app's new-owner notifications as the caller's transaction sees them. */
	private List<String> ownerNoticesInTransaction(String app) {
		return JdbcClient.create(this.dataSource)
			.sql("SELECT recipient_username FROM access_notifications WHERE app_name = ?")
			.param(app)
			.query(String.class)
			.list();
	}

	private static Caller caller(UserAccount user) {
		return new Caller(user.id().toString(), user.username(), user.isPlatformAdmin());
	}

	/** Waits for the user's one email and checks no second one came with it. */
	private static MimeMessage onlyEmailTo(UserAccount user) {
		await().atMost(Duration.ofSeconds(30)).until(() -> !emailsTo(user).isEmpty());
		List<MimeMessage> emails = emailsTo(user);
		assertThat(emails).hasSize(1);
		return emails.get(0);
	}

	private static List<MimeMessage> emailsTo(UserAccount user) {
		return smtp.findReceivedMessages((mailbox) -> mailbox.getEmail().equalsIgnoreCase(user.email()), (m) -> true)
			.toList();
	}

	private static List<String> addresses(Address[] addresses) {
		return Arrays.stream(addresses).map((address) -> ((InternetAddress) address).getAddress()).toList();
	}

	/** The plain-text body, with the line ends SMTP gave it made Java's. */
	private static String body(MimeMessage email) throws IOException, MessagingException {
		return ((String) email.getContent()).replace("\r\n", "\n");
	}

	private static String subject(MimeMessage email) {
		try {
			return email.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void stopMailServer() {
		smtp.stop();
		smtp = null;
	}

	/** The request's notifications as "KIND STATE after ATTEMPTS". */
	private List<String> outbox(UUID requestId) {
		return superuserQuery("SELECT kind || ' ' || state || ' after ' || attempts FROM access_notifications "
				+ "WHERE request_id = ? ORDER BY kind", requestId);
	}

	private String reason(UUID requestId, String kind) {
		return superuserQuery("SELECT reason FROM access_notifications WHERE request_id = ? AND kind = ?", requestId,
				kind)
			.get(0);
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
