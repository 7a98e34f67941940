package uk.gov.analyticalplatform.api.notifications;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import uk.gov.analyticalplatform.api.config.PlatformProperties;
import uk.gov.analyticalplatform.dataaccess.AccessNotificationSender;
import uk.gov.analyticalplatform.identity.Users;

/**
 * Emails people about access requests when {@code platform.notifications.email.enabled}
 * is set: the data access module then queues a notification with each new request and
 * decision and hands it here after the commit. Refuses to start half-configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("platform.notifications.email.enabled")
@EnableConfigurationProperties(EmailNotificationProperties.class)
class EmailNotificationConfiguration {

	@Bean
	AccessNotificationSender accessRequestEmails(EmailNotificationProperties properties,
			ObjectProvider<JavaMailSender> mailSender, Users users, PlatformProperties platform) {
		JavaMailSender mail = mailSender.getIfAvailable();
		if (mail == null) {
			throw new IllegalStateException("platform.notifications.email.enabled is true but no mail server is "
					+ "configured: set spring.mail.host (and spring.mail.port, username and password as needed)");
		}
		return new EmailAccessNotificationSender(mail, users,
				new AccessRequestEmails(platform.environmentName(), platform.baseUrl()), from(properties.from()));
	}

	private static InternetAddress from(String from) {
		if (from == null || from.isBlank()) {
			throw new IllegalStateException(
					"platform.notifications.email.enabled is true but platform.notifications.email.from is not set");
		}
		try {
			return new InternetAddress(from, true);
		}
		catch (AddressException ex) {
			throw new IllegalStateException("platform.notifications.email.from is not an email address: " + from, ex);
		}
	}

}
