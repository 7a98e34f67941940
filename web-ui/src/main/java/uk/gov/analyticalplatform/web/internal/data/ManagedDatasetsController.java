package uk.gov.analyticalplatform.web.internal.data;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import uk.gov.analyticalplatform.dataaccess.AccessRequests;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.Grants;

/**
 * The datasets a data admin manages, each with the requests waiting for them and who has
 * access, linked to its access page and access review.
 */
@Controller
class ManagedDatasetsController {

	private final DatasetCatalog catalog;

	private final AccessRequests requests;

	private final Grants grants;

	private final DataCallers callers;

	ManagedDatasetsController(DatasetCatalog catalog, AccessRequests requests, Grants grants, DataCallers callers) {
		this.catalog = catalog;
		this.requests = requests;
		this.grants = grants;
		this.callers = callers;
	}

	@GetMapping("/data/managed")
	String managed(Model model) {
		Caller caller = this.callers.current();
		Map<UUID, Long> waiting = this.requests.awaitingDecision(caller)
			.stream()
			.collect(Collectors.groupingBy((request) -> request.dataset().id(), Collectors.counting()));
		List<ManagedDataset> datasets = this.catalog.administeredBy(caller)
			.stream()
			.map((dataset) -> new ManagedDataset(dataset, waiting.getOrDefault(dataset.id(), 0L),
					this.grants.activeOn(caller, dataset.id()).size()))
			.toList();
		model.addAttribute("datasets", datasets);
		model.addAttribute("platformAdmin", caller.platformAdmin());
		return "data/managed";
	}

	/**
	 * @param dataset the dataset
	 * @param waiting requests waiting for a decision
	 * @param grants active grants
	 */
	record ManagedDataset(Dataset dataset, long waiting, int grants) {

	}

}
