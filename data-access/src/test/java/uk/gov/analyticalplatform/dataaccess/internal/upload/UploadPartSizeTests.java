package uk.gov.analyticalplatform.dataaccess.internal.upload;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The part size an upload is cut into keeps within S3's multipart limits for every file
 * S3 can hold: at most 10,000 parts, each at least 5 MiB (but the last) and at most 5
 * GiB, whole MiB. The emulator cannot hold a 5 GiB object in memory, so files above a
 * single PUT's 5 GiB are proven here and by the benchmark's streamed parts.
 */
class UploadPartSizeTests {

	private static final long MIB = 1024L * 1024;

	private static final long GIB = 1024 * MIB;

	@ParameterizedTest
	@ValueSource(longs = { 1, 5 * MIB, 5 * GIB, 5 * GIB + 1, 80 * GIB, 80 * GIB + 1, 1024 * GIB, 5 * 1024 * GIB })
	void everyFileS3CanHoldFitsInTenThousandPartsOfAllowedSize(long size) {
		long partSize = UploadService.partSize(size, 8 * MIB);
		long parts = (size + partSize - 1) / partSize;
		assertThat(parts).isLessThanOrEqualTo(UploadService.MAX_PARTS);
		assertThat(partSize).isBetween(5 * MIB, 5 * GIB);
		assertThat(partSize % MIB).isZero();
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 5 * GIB, 78 * GIB })
	void theConfiguredSizeIsKeptWhileTenThousandPartsSuffice(long size) {
		assertThat(UploadService.partSize(size, 8 * MIB)).isEqualTo(8 * MIB);
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 100 * MIB })
	void aConfiguredSizeBelowS3sMinimumIsRaisedToIt(long size) {
		assertThat(UploadService.partSize(size, MIB)).isEqualTo(5 * MIB);
	}

}
