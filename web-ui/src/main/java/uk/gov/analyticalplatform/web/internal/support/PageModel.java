package uk.gov.analyticalplatform.web.internal.support;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.DatasetProposals;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.kubernetes.KubernetesCluster;
import uk.gov.analyticalplatform.web.ControlPanel;
import uk.gov.analyticalplatform.web.SignInSessions;
import uk.gov.analyticalplatform.web.SignInSessions.SessionUser;

/** What every page's layout needs: the installation and who is signed in. */
@ControllerAdvice(basePackages = "uk.gov.analyticalplatform.web")
class PageModel {

	private final ControlPanel controlPanel;

	private final SignInSessions sessions;

	private final DatasetCatalog catalog;

	private final KubernetesCluster cluster;

	private final DatasetProposals proposals;

	PageModel(ControlPanel controlPanel, SignInSessions sessions, DatasetCatalog catalog,
			ObjectProvider<KubernetesCluster> cluster, DatasetProposals proposals) {
		this.controlPanel = controlPanel;
		this.sessions = sessions;
		this.catalog = catalog;
		this.proposals = proposals;
		this.cluster = cluster.getIfAvailable();
	}

	/** The Kubernetes cluster, so that a simulated one is labelled on every page. */
	@ModelAttribute("kubernetesCluster")
	KubernetesCluster kubernetesCluster() {
		return this.cluster;
	}

	@ModelAttribute("controlPanel")
	ControlPanel controlPanel() {
		return this.controlPanel;
	}

	@ModelAttribute("signedIn")
	SessionUser signedIn() {
		return this.sessions.current().filter(SessionUser::secondFactorPassed).orElse(null);
	}

	/** Whether a session has begun signing in, so that it can always sign out. */
	@ModelAttribute("signingIn")
	boolean signingIn() {
		return this.sessions.current().isPresent();
	}

	@ModelAttribute("navigation")
	Navigation navigation(HttpServletRequest request) {
		SessionUser user = signedIn();
		if (user == null || user.user().passwordChangeRequired()) {
			return null;
		}
		UserAccount account = user.user();
		Caller caller = new Caller(account.id().toString(), account.username(), account.isPlatformAdmin());
		boolean managesData = !this.catalog.administeredBy(caller).isEmpty();
		boolean decidesProposals = this.proposals.canDecide(caller);
		return Navigation.of(account, managesData, decidesProposals, request.getRequestURI());
	}

	@ModelAttribute("errors")
	FormErrors errors() {
		return new FormErrors();
	}

}
