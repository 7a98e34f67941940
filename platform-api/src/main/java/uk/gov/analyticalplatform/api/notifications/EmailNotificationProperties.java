package uk.gov.analyticalplatform.api.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email about access requests ({@code platform.notifications.email.*}); the mail server
 * is Spring Boot's {@code spring.mail.*}, and how patiently the outbox is delivered is
 * {@code platform.data-access.notifications.*}.
 *
 * @param enabled whether to email; when off, nothing is queued and nothing is sent
 * @param from the sender, such as {@code Analytical Platform <no-reply@example.gov.uk>};
 * required when enabled
 */
@ConfigurationProperties("platform.notifications.email")
record EmailNotificationProperties(@DefaultValue("false") boolean enabled, String from) {

}
