package uk.gov.analyticalplatform.kubernetes.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OwnerEventsTests {

	static final String INSTANCE = "analytical-platform.uk/tool-instance";

	final List<String> reported = new ArrayList<>();

	final OwnerEvents<ConfigMap> events = new OwnerEvents<>(INSTANCE, this.reported::add);

	@Test
	void anObjectAddedChangedOrDeletedIsReportedByItsOwnerLabel() {
		this.events.onAdd(configMap(Map.of(INSTANCE, "42", "other", "x"), "1"));
		this.events.onUpdate(configMap(Map.of(INSTANCE, "42"), "1"), configMap(Map.of(INSTANCE, "43"), "2"));
		this.events.onDelete(configMap(Map.of(INSTANCE, "44"), "3"), false);

		assertThat(this.reported).containsExactly("42", "43", "44");
	}

	@Test
	void anObjectWithoutTheOwnerLabelOrWithoutLabelsIsNotReported() {
		this.events.onAdd(configMap(Map.of("other", "x"), "1"));
		this.events.onDelete(configMap(null, "2"), true);

		assertThat(this.reported).isEmpty();
	}

	@Test
	void aResyncThatChangesNothingIsNotReported() {
		this.events.onUpdate(configMap(Map.of(INSTANCE, "42"), "7"), configMap(Map.of(INSTANCE, "42"), "7"));

		assertThat(this.reported).isEmpty();
	}

	@Test
	void theOwnerIndexKeysAnObjectByItsOwnerLabel() {
		assertThat(OwnerEvents.owners(configMap(Map.of(INSTANCE, "42"), "1"), INSTANCE)).containsExactly("42");
		assertThat(OwnerEvents.owners(configMap(Map.of("other", "x"), "1"), INSTANCE)).isEmpty();
		assertThat(OwnerEvents.owners(configMap(null, "1"), INSTANCE)).isEmpty();
	}

	static ConfigMap configMap(Map<String, String> labels, String resourceVersion) {
		return new ConfigMapBuilder().withNewMetadata()
			.withName("watched")
			.withNamespace("user-ada")
			.withLabels(labels)
			.withResourceVersion(resourceVersion)
			.endMetadata()
			.build();
	}

}
