package uk.gov.analyticalplatform.web.internal.data;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.analyticalplatform.dataaccess.Classification;
import uk.gov.analyticalplatform.dataaccess.DataAccessException;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.DatasetKind;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.dataaccess.NewDataset;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/** Platform admins register S3 and Athena datasets and name their data admins. */
@Controller
class AdminDatasetsController {

	private final DatasetCatalog catalog;

	private final Groups groups;

	private final DataCallers callers;

	AdminDatasetsController(DatasetCatalog catalog, Groups groups, DataCallers callers) {
		this.catalog = catalog;
		this.groups = groups;
		this.callers = callers;
	}

	@GetMapping("/admin/datasets")
	String list(Model model) {
		model.addAttribute("datasets", this.catalog.search(""));
		model.addAttribute("groups", this.groups.list());
		model.addAttribute("classifications", Classification.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", DatasetForm.empty());
		}
		return "data/admin-datasets";
	}

	@PostMapping("/admin/datasets")
	String create(DatasetForm form, Model model, RedirectAttributes redirect) {
		FormErrors errors = new FormErrors().requireText("name", form.name(), "Enter a name")
			.requireText("owner", form.owner(), "Choose the owner team");
		if ("S3".equals(form.kind())) {
			errors.requireText("bucket", form.bucket(), "Enter the bucket");
		}
		else if ("ATHENA".equals(form.kind())) {
			errors.requireText("glueDatabase", form.glueDatabase(), "Enter the Glue database");
		}
		else {
			errors.add("kind", "Choose S3 or Athena");
		}
		if (!errors.any()) {
			try {
				Dataset dataset = this.catalog.create(this.callers.current(), form.toNewDataset());
				redirect.addFlashAttribute("done", "Registered " + dataset.name());
				return "redirect:/admin/datasets";
			}
			catch (DataAccessException ex) {
				errors.add("name", ex.getMessage());
			}
			catch (IllegalArgumentException ex) {
				errors.add("classification", "Choose a classification");
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		return list(model);
	}

	@PostMapping("/admin/datasets/{id}/data-admins")
	String addDataAdmin(@PathVariable UUID id, @RequestParam(defaultValue = "") String username,
			RedirectAttributes redirect) {
		UserRef user = this.callers.user(username).orElse(null);
		if (user == null) {
			redirect.addFlashAttribute("failure", "No user is called '" + username.strip() + "'");
		}
		else {
			Dataset dataset = this.catalog.addDataAdmin(this.callers.current(), id, user);
			redirect.addFlashAttribute("done", "Made " + user.username() + " a data admin of " + dataset.name());
		}
		return "redirect:/admin/datasets";
	}

	@PostMapping("/admin/datasets/{id}/data-admins/{userId}/remove")
	String removeDataAdmin(@PathVariable UUID id, @PathVariable String userId, RedirectAttributes redirect) {
		Dataset dataset = this.catalog.removeDataAdmin(this.callers.current(), id, userId);
		redirect.addFlashAttribute("done", "Removed a data admin of " + dataset.name());
		return "redirect:/admin/datasets";
	}

	/**
	 * The new dataset form as typed.
	 *
	 * @param name its name
	 * @param description what it is
	 * @param owner the owner group's id
	 * @param classification OFFICIAL or OFFICIAL_SENSITIVE
	 * @param kind S3 or ATHENA
	 * @param bucket the bucket (S3)
	 * @param rootPrefix the root prefix (S3)
	 * @param glueDatabase the database (Athena)
	 * @param tables tables, separated by commas or spaces (Athena)
	 */
	record DatasetForm(String name, String description, String owner, String classification, String kind, String bucket,
			String rootPrefix, String glueDatabase, String tables) {

		static DatasetForm empty() {
			return new DatasetForm("", "", "", "OFFICIAL", "", "", "", "", "");
		}

		NewDataset toNewDataset() {
			Classification marking = Classification.valueOf(this.classification);
			UUID ownerId = UUID.fromString(this.owner);
			if ("ATHENA".equals(this.kind)) {
				List<String> tableList = Arrays
					.stream((this.tables != null) ? this.tables.split("[,\\s]+") : new String[0])
					.filter((table) -> !table.isBlank())
					.toList();
				return new NewDataset(this.name.strip(), this.description, ownerId, marking, DatasetKind.ATHENA, null,
						"", this.glueDatabase.strip(), tableList, List.of());
			}
			return NewDataset.s3(this.name.strip(), this.description, ownerId, marking, this.bucket.strip(),
					(this.rootPrefix != null) ? this.rootPrefix.strip() : "");
		}

	}

}
