package uk.gov.analyticalplatform.dataaccess.internal.upload;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Uploads into datasets ({@code platform.data-access.uploads.*}).
 *
 * @param partSize the size of each part (at least 5 MB; larger for files that would need
 * more than 10,000 parts)
 * @param parallelism how many parts of one upload are sent to S3 at once, which is also
 * how many parts the control plane holds in memory for it
 * @param presignFor how long a presigned part URL for a browser works
 * @param abandonAfter when an upload still in progress counts as abandoned: its parts are
 * then discarded
 * @param sweepInterval how often the leader looks for abandoned uploads
 */
@ConfigurationProperties("platform.data-access.uploads")
record UploadProperties(@DefaultValue("8MB") DataSize partSize, @DefaultValue("8") int parallelism,
		@DefaultValue("15m") Duration presignFor, @DefaultValue("24h") Duration abandonAfter,
		@DefaultValue("10m") Duration sweepInterval) {

}
