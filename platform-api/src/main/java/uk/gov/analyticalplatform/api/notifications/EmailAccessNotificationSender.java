package uk.gov.analyticalplatform.api.notifications;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import uk.gov.analyticalplatform.dataaccess.AccessNotification;
import uk.gov.analyticalplatform.dataaccess.AccessNotificationSender;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.Users;

/**
 * Sends each notification (about an access request, or an app's new owner) as one email
 * to all its recipients, looked up in the identity module when it is sent. Suspended
 * users, and users without an email address, are left out (and logged); a notification
 * with nobody left to email is done. A mail server that refuses or cannot be reached
 * throws, so the outbox tries again later.
 */
class EmailAccessNotificationSender implements AccessNotificationSender {

	private static final Logger log = LoggerFactory.getLogger(EmailAccessNotificationSender.class);

	private final JavaMailSender mail;

	private final Users users;

	private final AccessRequestEmails emails;

	private final InternetAddress from;

	EmailAccessNotificationSender(JavaMailSender mail, Users users, AccessRequestEmails emails, InternetAddress from) {
		this.mail = mail;
		this.users = users;
		this.emails = emails;
		this.from = from;
	}

	@Override
	public void send(AccessNotification notification) {
		List<InternetAddress> to = addresses(notification);
		if (to.isEmpty()) {
			log.warn("Nobody to email about {} ({}): no recipient has an email address", notification.about(),
					notification.kind());
			return;
		}
		this.mail.send(message(this.emails.render(notification), to));
		log.info("Emailed {} people about {} ({}, attempt {})", to.size(), notification.about(), notification.kind(),
				notification.attempt());
	}

	private MimeMessage message(AccessRequestEmails.Email email, List<InternetAddress> to) {
		MimeMessage message = this.mail.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
			helper.setFrom(this.from);
			helper.setTo(to.toArray(InternetAddress[]::new));
			helper.setSubject(email.subject());
			helper.setText(email.text(), false);
			// RFC 3834: an automatic message, which out-of-office replies should leave
			// alone
			message.setHeader("Auto-Submitted", "auto-generated");
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Could not compose the email: " + ex.getMessage(), ex);
		}
		return message;
	}

	private List<InternetAddress> addresses(AccessNotification notification) {
		Map<UUID, UserAccount> people = new LinkedHashMap<>();
		for (UserRef recipient : notification.recipients()) {
			account(recipient).ifPresent((account) -> people.put(account.id(), account));
		}
		if (notification.platformAdmins()) {
			String requester = notification.request().requester().userId();
			this.users.list()
				.stream()
				.filter((account) -> account.isPlatformAdmin() && !account.id().toString().equals(requester))
				.forEach((account) -> people.put(account.id(), account));
		}
		List<InternetAddress> addresses = new ArrayList<>();
		for (UserAccount person : people.values()) {
			address(person).ifPresent(addresses::add);
		}
		return addresses;
	}

	private Optional<UserAccount> account(UserRef user) {
		try {
			Optional<UserAccount> account = this.users.findById(UUID.fromString(user.userId()));
			if (account.isEmpty()) {
				log.info("Not emailing {}: there is no such user any more", user.username());
			}
			return account;
		}
		catch (IllegalArgumentException ex) {
			log.info("Not emailing {}: {} is not a user id of this platform", user.username(), user.userId());
			return Optional.empty();
		}
	}

	private static Optional<InternetAddress> address(UserAccount person) {
		if (person.suspended()) {
			log.info("Not emailing {}: suspended", person.username());
			return Optional.empty();
		}
		if (person.email() == null || person.email().isBlank()) {
			log.info("Not emailing {}: no email address", person.username());
			return Optional.empty();
		}
		try {
			return Optional
				.of(new InternetAddress(person.email(), person.displayName(), StandardCharsets.UTF_8.name()));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
