package uk.gov.analyticalplatform.api.tools;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import uk.gov.analyticalplatform.toollauncher.ToolInstance;

/**
 * A tool instance as the API shows it.
 *
 * @param id its id
 * @param owner the owner's username
 * @param tool the tool
 * @param release the release asked for, with its image by digest
 * @param profile the resource profile's name
 * @param url where the tool is served
 * @param wanted RUNNING, STOPPED or DELETED
 * @param status what it is doing
 * @param observedImage the image the cluster runs, read back
 * @param lastActivityAt the last request through the gate
 * @param idlesAt when it stops if nobody uses it
 * @param createdAt when it was created (its age)
 * @param dataAccessChanged whether the running tool has other data access than its owner
 * has now (a restart gives it theirs)
 */
record InstanceView(UUID id, String owner, String tool, Release release, String profile, String url, String wanted,
		Status status, String observedImage, Instant lastActivityAt, Instant idlesAt, Instant createdAt,
		@Schema(description = "true when the tool runs, READY, with other data access than its owner has now: "
				+ "their IAM role appeared, changed or went after its pod started (a pod's AWS credentials are "
				+ "fixed when it starts). POST .../restart gives it their current data access; the tool is "
				+ "never restarted for this by itself.") boolean dataAccessChanged) {

	static InstanceView of(ToolInstance instance) {
		return new InstanceView(instance.id(), instance.username(), instance.tool().slug(),
				new Release(instance.release().name(), instance.release().displayName(), instance.release().image(),
						instance.release().status().name(), instance.release().statusMessage()),
				instance.profile().name(), instance.url(), instance.wanted().name(),
				new Status(instance.phase().name(), instance.step(), instance.reason(), instance.since(),
						(instance.queuePosition() > 0) ? instance.queuePosition() : null),
				instance.observedImage(), instance.lastActivityAt(), instance.idlesAt(), instance.createdAt(),
				instance.dataAccessChanged());
	}

	/**
	 * @param name the release's name
	 * @param displayName what users see
	 * @param image its image, by digest
	 * @param status ACTIVE, RESTRICTED, DEPRECATED or RETIRED
	 * @param message the deprecation or retirement notice
	 */
	record Release(String name, String displayName, String image, String status, String message) {

	}

	/**
	 * @param state PENDING, CREATING, STARTING, READY, FAILED, STOPPING, STOPPED, IDLED
	 * or DELETING
	 * @param step the current step while starting
	 * @param reason why it failed
	 * @param since when the state began
	 * @param queuePosition its place in the start queue, when queued
	 */
	record Status(String state, String step, String reason, Instant since, Integer queuePosition) {

	}

}
