package uk.gov.analyticalplatform.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OnePerKeyTests {

	private final OnePerKey<String> keys = new OnePerKey<>();

	@Test
	void aKeyHandedInWhileAnotherThreadWorksItIsWorkedAgainByThatThreadAfterwardsNeverTwiceAtOnce() throws Exception {
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch changed = new CountDownLatch(1);
		AtomicInteger atOnce = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		List<String> seen = new ArrayList<>();
		String[] state = { "pod present" };
		Runnable observe = () -> {
			most.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
			String read = state[0];
			if (seen.isEmpty()) {
				reading.countDown();
				await(changed);
			}
			seen.add(read);
			atOnce.decrementAndGet();
		};
		CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> this.keys.work("instance", observe));
		await(reading);

		state[0] = "pod gone";
		boolean second = this.keys.work("instance", observe);
		changed.countDown();

		assertThat(second).isFalse();
		assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
		// the stale read was not the last: the change was read after it
		assertThat(seen).containsExactly("pod present", "pod gone");
		assertThat(most).hasValue(1);
		assertThat(this.keys.isBusy("instance")).isFalse();
	}

	@Test
	void otherKeysAreWorkedMeanwhile() throws Exception {
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> this.keys.work("a", () -> {
			holding.countDown();
			await(release);
		}));
		await(holding);
		AtomicInteger worked = new AtomicInteger();

		assertThat(this.keys.work("b", worked::incrementAndGet)).isTrue();

		assertThat(worked).hasValue(1);
		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aFailureReachesTheCallerAndReleasesTheKey() {
		assertThatIllegalStateException().isThrownBy(() -> this.keys.work("instance", () -> {
			throw new IllegalStateException("database gone");
		}));

		assertThat(this.keys.isBusy("instance")).isFalse();
		AtomicInteger worked = new AtomicInteger();
		assertThat(this.keys.work("instance", worked::incrementAndGet)).isTrue();
		assertThat(worked).hasValue(1);
	}

	@Test
	void aFailureIsSupersededByAHandInThatCameMeanwhile() throws Exception {
		CountDownLatch failing = new CountDownLatch(1);
		CountDownLatch handedIn = new CountDownLatch(1);
		AtomicInteger runs = new AtomicInteger();
		Runnable work = () -> {
			if (runs.incrementAndGet() == 1) {
				failing.countDown();
				await(handedIn);
				throw new IllegalStateException("read before the change, failed");
			}
		};
		CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> this.keys.work("instance", work));
		await(failing);

		assertThat(this.keys.work("instance", work)).isFalse();
		handedIn.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(runs).hasValue(2);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
