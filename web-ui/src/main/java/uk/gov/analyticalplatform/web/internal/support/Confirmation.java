package uk.gov.analyticalplatform.web.internal.support;

import java.util.Map;

/**
 * A page that asks before a risky action: it says what will happen and posts the action
 * only when the user confirms ({@code confirm.html}).
 *
 * @param heading the question, such as "Suspend jo?"
 * @param consequence what will happen, in plain words
 * @param action where the confirmed form posts
 * @param fields the form's hidden fields
 * @param button the confirm button's text
 * @param destructive whether the action cannot be undone simply (a red button)
 * @param back where cancelling goes
 */
public record Confirmation(String heading, String consequence, String action, Map<String, String> fields, String button,
		boolean destructive, String back) {

	public Confirmation {
		fields = Map.copyOf(fields);
	}

	/** The confirmation page's view, with this confirmation in the model. */
	public String show(org.springframework.ui.Model model) {
		model.addAttribute("confirmation", this);
		return "confirm";
	}

}
