package uk.gov.analyticalplatform.toollauncher;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A catalogue change with fields that are wrong: each names the field and says what to
 * do, for an error summary beside the form.
 */
public class InvalidCatalogueEntry extends InvalidToolRequest {

	private final List<FieldProblem> problems;

	public InvalidCatalogueEntry(List<FieldProblem> problems) {
		super(problems.stream().map(FieldProblem::message).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	/** Each wrong field, in the form's order. */
	public List<FieldProblem> problems() {
		return this.problems;
	}

	/**
	 * @param field the field's name ({@code image}, {@code memoryLimitMib}...)
	 * @param message what to do about it
	 */
	public record FieldProblem(String field, String message) {

	}

}
