package uk.gov.analyticalplatform.api.gate;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class GateFilterTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final Gate gate = new Gate(List.of(new TestGatedArea()), null, null, null, Clock.systemUTC(), this.meters);

	@Test
	void isRegisteredForEachAreasExactPathAndNeverForSignIn() {
		FilterRegistrationBean<GateFilter> registration = new GateConfiguration().gateFilter(this.gate);
		assertThat(registration.getUrlPatterns()).containsExactly("/authz/test-area");
	}

	@Test
	void runsFirstOfAllFiltersBeforeTheRequestIdTheObservationAndSpringSession() {
		FilterRegistrationBean<GateFilter> registration = new GateConfiguration().gateFilter(this.gate);
		assertThat(registration.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
	}

	@Test
	void answersAnAreasGetItselfWithoutGoingOnToTheSecurityChainsOrSpringMvc() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/authz/test-area");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		new GateFilter(this.gate).doFilter(request, response, chain);
		// no X-Original-URL: no original request to decide on
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(response.getHeader(GateController.USER_HEADER)).isNull();
		assertThat(chain.getRequest()).isNull();
		assertThat(answers("no_original_request", "403")).isEqualTo(1);
	}

	@Test
	void registersACounterForEachAnswerOfEachAreaBeforeAnyRequest() {
		assertThat(this.meters.find(Gate.ANSWERS).counters()).hasSize(Gate.Verdict.values().length)
			.allSatisfy((counter) -> {
				assertThat(counter.getId().getTag("area")).isEqualTo("test-area");
				assertThat(counter.count()).isZero();
			});
		assertThat(answers("allowed", "200")).isZero();
		assertThat(answers("signed_out", "401")).isZero();
		assertThat(answers("asleep", "401")).isZero();
		assertThat(answers("denied", "403")).isZero();
		assertThat(answers("suspended", "403")).isZero();
	}

	private double answers(String answer, String status) {
		return this.meters.get(Gate.ANSWERS)
			.tags("area", "test-area", "answer", answer, "status", status)
			.counter()
			.count();
	}

	@Test
	void letsAnyOtherMethodGoOnDownTheChain() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/authz/test-area");
		MockFilterChain chain = new MockFilterChain();
		new GateFilter(this.gate).doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isSameAs(request);
	}

}
