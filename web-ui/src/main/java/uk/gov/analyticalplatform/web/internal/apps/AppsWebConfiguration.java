package uk.gov.analyticalplatform.web.internal.apps;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.gov.analyticalplatform.appdeploy.AppReleases;
import uk.gov.analyticalplatform.appdeploy.AppSettings;
import uk.gov.analyticalplatform.appdeploy.AppViewers;
import uk.gov.analyticalplatform.appdeploy.Apps;
import uk.gov.analyticalplatform.dataaccess.AccessRequests;
import uk.gov.analyticalplatform.dataaccess.AccessStatus;
import uk.gov.analyticalplatform.web.SignInSessions;

/** The app pages' shared parts. */
@Configuration(proxyBeanMethods = false)
class AppsWebConfiguration {

	@Bean
	AppPages appPages(SignInSessions sessions, Apps apps, AppViewers viewers, AppReleases releases,
			AppSettings settings, ObjectProvider<AccessStatus> access, ObjectProvider<AccessRequests> requests) {
		return new AppPages(sessions, apps, viewers, releases, settings, access::getIfAvailable,
				requests::getIfAvailable);
	}

}
