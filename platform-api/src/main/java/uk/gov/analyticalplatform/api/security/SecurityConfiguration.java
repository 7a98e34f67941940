package uk.gov.analyticalplatform.api.security;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.analyticalplatform.audit.AuditRequestContext;
import uk.gov.analyticalplatform.identity.ApiScope;
import uk.gov.analyticalplatform.identity.ApiTokens;
import uk.gov.analyticalplatform.identity.Users;

import static uk.gov.analyticalplatform.api.security.Authorities.PASSWORD_CHANGE_PENDING;
import static uk.gov.analyticalplatform.api.security.Authorities.PLATFORM_ADMIN;
import static uk.gov.analyticalplatform.api.security.Authorities.SESSION;
import static uk.gov.analyticalplatform.api.security.Authorities.SIGNED_IN;
import static uk.gov.analyticalplatform.api.security.Authorities.all;
import static uk.gov.analyticalplatform.api.security.Authorities.allAndAny;
import static uk.gov.analyticalplatform.api.security.Authorities.scope;

/**
 * One security filter chain per area: the JSON API ({@code /api/**}: session or bearer
 * token, problem documents), the actuator (and the health probes), and the browser
 * (everything else: pages, sign-in, OpenID Connect). In each, a session that has not
 * passed the second factor reaches only the two-factor steps.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems, SessionUserFilter sessionUsers,
			ApiTokens tokens, SecurityContextRepository contexts, SecurityHeadersProperties headers) {
		String[] signedIn = { SIGNED_IN };
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests
				// a streamed response's async dispatch continues a request that was
				// already authorised
				.dispatcherTypeMatchers(DispatcherType.ASYNC)
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/auth/csrf")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/login")
				.permitAll()
				.requestMatchers("/api/v1/auth/totp/**", "/api/v1/auth/recovery-code", "/api/v1/auth/logout")
				.access(all(SESSION))
				.requestMatchers("/api/v1/me/password")
				.access(allAndAny(new String[] { SESSION }, SIGNED_IN, PASSWORD_CHANGE_PENDING))
				.requestMatchers(HttpMethod.GET, "/api/v1/me")
				.access(allAndAny(signedIn, SESSION, scope(ApiScope.PROFILE_READ)))
				.requestMatchers("/api/v1/users", "/api/v1/users/**")
				.access(allAndAny(new String[] { SIGNED_IN, PLATFORM_ADMIN }, SESSION, scope(ApiScope.USERS_ADMIN)))
				.requestMatchers("/api/v1/audit/**")
				.access(allAndAny(new String[] { SIGNED_IN, PLATFORM_ADMIN }, SESSION, scope(ApiScope.AUDIT_READ)))
				// pipelines register and verify dataset versions with a token; the module
				// checks the token's user may
				.requestMatchers(HttpMethod.POST, "/api/v1/datasets/*/versions", "/api/v1/datasets/*/versions/*/verify")
				.access(allAndAny(signedIn, SESSION, scope(ApiScope.DATASETS_WRITE)))
				.requestMatchers("/api/v1/tools/instances", "/api/v1/tools/instances/**", "/api/v1/tools/releases",
						"/api/v1/tools/releases/**", "/api/v1/tools/profiles", "/api/v1/tools/profiles/**")
				.access(all(SIGNED_IN, PLATFORM_ADMIN, SESSION))
				.requestMatchers("/api/v1/tools", "/api/v1/me/tools", "/api/v1/me/tools/**")
				.access(allAndAny(signedIn, SESSION, scope(ApiScope.TOOLS_WRITE)))
				// build pipelines register and deploy app versions with a token; the
				// module checks the token's user owns the app
				.requestMatchers(HttpMethod.POST, "/api/v1/apps/*/versions", "/api/v1/apps/*/deployments")
				.access(allAndAny(signedIn, SESSION, scope(ApiScope.APPS_DEPLOY)))
				// pipelines upload files into datasets with a datasets:write token too
				.requestMatchers("/api/v1/datasets/*/uploads", "/api/v1/datasets/*/uploads/**")
				.access(allAndAny(signedIn, SESSION, scope(ApiScope.DATASETS_WRITE)))
				.requestMatchers(HttpMethod.POST, "/api/v1/datasets", "/api/v1/groups")
				.access(all(SIGNED_IN, PLATFORM_ADMIN, SESSION))
				.requestMatchers("/api/v1/datasets/*/data-admins", "/api/v1/datasets/*/data-admins/**",
						"/api/v1/groups/*/members", "/api/v1/groups/*/members/**")
				.access(all(SIGNED_IN, PLATFORM_ADMIN, SESSION))
				.anyRequest()
				.access(all(SIGNED_IN, SESSION)))
			.csrf((csrf) -> csrf.spa().ignoringRequestMatchers(BearerTokenFilter.BEARER))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.securityContext((context) -> context.securityContextRepository(contexts))
			.addFilterAfter(sessionUsers, SecurityContextHolderFilter.class)
			.addFilterAfter(new BearerTokenFilter(tokens, problems), SessionUserFilter.class)
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.headers(SecurityHeaders.with(headers, "default-src 'none'"));
		return http.build();
	}

	/**
	 * Health (and its probes) answer anyone; the other endpoints (metrics, build info)
	 * answer anyone on the management port, which the ingress does not expose, and only a
	 * signed-in platform admin on the application's port.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain actuatorSecurity(HttpSecurity http, Environment environment, SessionUserFilter sessionUsers,
			SecurityContextRepository contexts, ProblemResponses problems, SecurityHeadersProperties headers) {
		http.securityMatcher("/actuator/**", "/livez", "/readyz")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/livez", "/readyz")
				.permitAll()
				.requestMatchers(new ManagementPortRequests(environment))
				.permitAll()
				.anyRequest()
				.access(all(SIGNED_IN, PLATFORM_ADMIN, SESSION)))
			.securityContext((context) -> context.securityContextRepository(contexts))
			.addFilterAfter(sessionUsers, SecurityContextHolderFilter.class)
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(SecurityHeaders.with(headers, "default-src 'none'"))
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain browserSecurity(HttpSecurity http, SessionUserFilter sessionUsers,
			SecurityContextRepository contexts, OidcProperties oidc, OidcSignInSuccess oidcSuccess,
			SecurityHeadersProperties headers) {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/sign-in", "/govuk/**", "/assets/**", "/css/**", "/js/**", "/favicon.ico", "/error",
					"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.requestMatchers("/sign-in/two-factor", "/sign-in/two-factor/**", "/sign-in/recovery-code", "/sign-out")
			.access(all(SESSION))
			.requestMatchers("/account/password", "/account/recovery-codes/new")
			.access(allAndAny(new String[] { SESSION }, SIGNED_IN, PASSWORD_CHANGE_PENDING))
			.requestMatchers("/admin/**")
			.access(all(SIGNED_IN, PLATFORM_ADMIN, SESSION))
			.anyRequest()
			.access(all(SIGNED_IN, SESSION)))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(signInPage())
				.accessDeniedHandler(new BrowserAccessDenied()))
			.securityContext((context) -> context.securityContextRepository(contexts))
			.addFilterAfter(sessionUsers, SecurityContextHolderFilter.class)
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.headers(SecurityHeaders.with(headers, CSP))
			.headers((browserHeaders) -> browserHeaders
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny));
		if (!oidc.providers().isEmpty()) {
			http.oauth2Login(
					(login) -> login.loginPage("/sign-in").successHandler(oidcSuccess).failureUrl("/sign-in?refused"));
		}
		return http.build();
	}

	/**
	 * Redirects to the sign-in page by a relative URL: never to whatever host the request
	 * named.
	 */
	private static LoginUrlAuthenticationEntryPoint signInPage() {
		LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/sign-in");
		entryPoint.setFavorRelativeUris(true);
		return entryPoint;
	}

	/**
	 * Sign-ins and authorisation decisions are observed (metrics, traces); each filter of
	 * every chain is not: that observed a dozen spans a request at about a tenth of the
	 * request's time.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.withDefaults()
			.shouldObserveRequests(false)
			.shouldObserveAuthentications(true)
			.shouldObserveAuthorizations(true)
			.build();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	SessionUserFilter sessionUserFilter(Users users) {
		return new SessionUserFilter(users);
	}

	@Bean
	ProblemResponses problemResponses(JsonMapper json) {
		return new ProblemResponses(json);
	}

	@Bean
	SessionSignIns sessionSignIns(SecurityContextRepository contexts, Users users) {
		return new SessionSignIns(contexts, users);
	}

	@Bean
	AuditRequestContext auditRequestContext() {
		return new ServletAuditRequestContext();
	}

	/**
	 * Filters run inside the security chains only, not a second time as servlet filters.
	 */
	@Bean
	FilterRegistrationBean<SessionUserFilter> sessionUserFilterRegistration(SessionUserFilter filter) {
		FilterRegistrationBean<SessionUserFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

}
