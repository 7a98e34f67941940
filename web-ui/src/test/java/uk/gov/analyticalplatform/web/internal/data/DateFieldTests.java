package uk.gov.analyticalplatform.web.internal.data;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.web.internal.support.FormErrors;

import static org.assertj.core.api.Assertions.assertThat;

class DateFieldTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

	@Test
	void anEmptyDateMeansNoEndDate() {
		FormErrors errors = new FormErrors();
		assertThat(new DateField(" ", "", null).endOfDay("until", "The end date", TODAY, errors)).isNull();
		assertThat(errors.any()).isFalse();
	}

	@Test
	void aDateMeansUntilTheEndOfThatDayInUtc() {
		FormErrors errors = new FormErrors();
		assertThat(new DateField("31", "3", "2027").endOfDay("until", "The end date", TODAY, errors))
			.isEqualTo(Instant.parse("2027-04-01T00:00:00Z"));
		assertThat(errors.any()).isFalse();
	}

	@Test
	void anImpossibleOrPartDateIsExplainedOnTheDayField() {
		FormErrors errors = new FormErrors();
		new DateField("31", "2", "2027").endOfDay("until", "The end date", TODAY, errors);
		new DateField("", "2", "2027").endOfDay("other", "The end date", TODAY, errors);
		assertThat(errors.message("until-day")).contains("must be a real date");
		assertThat(errors.message("other-day")).contains("must be a real date");
	}

	@Test
	void todayOrAPastDateIsRefused() {
		FormErrors errors = new FormErrors();
		new DateField("29", "11", "2026").endOfDay("until", "The end date", TODAY, errors);
		assertThat(errors.message("until-day")).isEqualTo("The end date must be in the future");
	}

}
