package uk.gov.analyticalplatform.web.internal.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors of one form submission, for a GOV.UK error summary and the messages beside
 * each field.
 */
public final class FormErrors {

	private final List<FieldError> errors = new ArrayList<>();

	public FormErrors add(String field, String message) {
		this.errors.add(new FieldError(field, message));
		return this;
	}

	public FormErrors requireText(String field, String value, String message) {
		if (value == null || value.isBlank()) {
			add(field, message);
		}
		return this;
	}

	public boolean any() {
		return !this.errors.isEmpty();
	}

	public List<FieldError> getAll() {
		return List.copyOf(this.errors);
	}

	public boolean has(String field) {
		return this.errors.stream().anyMatch((error) -> error.field().equals(field));
	}

	public String message(String field) {
		return this.errors.stream()
			.filter((error) -> error.field().equals(field))
			.map(FieldError::message)
			.findFirst()
			.orElse(null);
	}

	/**
	 * @param field the id of the input the error is about
	 * @param message what to do about it
	 */
	public record FieldError(String field, String message) {

	}

}
