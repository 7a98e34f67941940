package uk.gov.analyticalplatform.reconcile;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReconcileLoopTests {

	private static final Duration LONG = Duration.ofHours(1);

	private final FakeReconciler world = new FakeReconciler();

	private final AtomicBoolean leader = new AtomicBoolean(true);

	private ReconcileLoop<String> loop = loop(new ReconcileLoop.Settings(true, LONG, LONG));

	@AfterEach
	void stop() {
		this.loop.stop();
	}

	@Test
	void aDrainReconcilesEveryDueKeyOnceAndReportsWhatItDid() {
		this.world.bump("a");
		this.world.bump("b");
		assertThat(this.loop.drain().count(Outcome.CREATED)).isEqualTo(2);
		this.world.bump("a");

		Pass pass = this.loop.drain();

		assertThat(pass.count(Outcome.PATCHED)).isEqualTo(1);
		assertThat(pass.reconciled()).isEqualTo(1);
		assertThat(this.world.reconciled).containsExactly("a", "b", "a");
		assertThat(this.loop.drain().reconciled()).isZero();
	}

	@Test
	void aDrainGoesOnUntilNoKeyItHasNotSeenIsDueAndTakesNoKeyTwice() {
		for (int i = 0; i < ReconcileLoop.BATCH + 10; i++) {
			this.world.bump("k" + (1000 + i));
		}
		this.world.whileApplying = (key) -> this.world.bump("k1000");

		Pass pass = this.loop.drain();

		assertThat(pass.reconciled()).isEqualTo(ReconcileLoop.BATCH + 10);
		assertThat(this.world.reconciled).doesNotHaveDuplicates();
		assertThat(this.world.upToDate("k1000")).as("bumped while applying: due again").isFalse();
	}

	@Test
	void aFailedKeyIsCountedAndTheOthersAreStillReconciled() {
		this.world.bump("a");
		this.world.bump("b");
		this.world.bump("c");
		this.world.failing.add("b");

		Pass pass = this.loop.drain();

		assertThat(pass.failures()).isEqualTo(1);
		assertThat(pass.count(Outcome.CREATED)).isEqualTo(2);
		assertThat(this.world.upToDate("c")).isTrue();
	}

	@Test
	void failuresAddUpAcrossPassesAndTheBacklogIsWhatIsDue() {
		this.world.bump("a");
		this.world.bump("b");
		this.world.failing.add("a");
		assertThat(this.loop.backlog()).isEqualTo(2);
		assertThat(this.loop.name()).isEqualTo("test-loop");

		this.loop.drain();
		this.loop.drain();

		assertThat(this.loop.failures()).isEqualTo(2);
		assertThat(this.loop.backlog()).as("a still fails").isEqualTo(1);
		assertThat(this.loop.states()).as("the fake tracks no apply status").isEmpty();
	}

	@Test
	void aFailureThatEndsThePassLeavesTheRestForTheNext() {
		this.world.bump("a");
		this.world.bump("b");
		this.world.failing.add("a");
		this.world.failuresEndPasses = true;

		assertThat(this.loop.drain().failures()).isEqualTo(1);
		assertThat(this.world.reconciled).containsExactly("a");

		this.world.failing.clear();
		assertThat(this.loop.drain().count(Outcome.CREATED)).isEqualTo(2);
	}

	@Test
	void aReplicaThatDoesNotLeadDoesNothing() {
		this.world.bump("a");
		this.world.orphans = 3;
		this.leader.set(false);

		assertThat(this.loop.drain().checked()).isZero();
		assertThat(this.loop.resync().checked()).isZero();
		assertThat(this.world.reconciled).isEmpty();

		this.leader.set(true);
		assertThat(this.loop.drain().reconciled()).isEqualTo(1);
	}

	@Test
	void aResyncReconcilesEveryKeyAndThenPrunesOrphans() {
		this.world.bump("a");
		this.world.bump("b");
		this.loop.drain();
		this.world.orphans = 2;

		Pass pass = this.loop.resync();

		assertThat(pass.count(Outcome.NOOP)).isEqualTo(2);
		assertThat(pass.pruned()).isEqualTo(2);
		assertThat(pass.checked()).isEqualTo(4);
	}

	@Test
	void aChangeSignalWakesTheRunningLoop() {
		this.world.bump("first");
		this.loop.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.world.upToDate("first"));
		this.world.bump("a");

		this.loop.changed();

		await().atMost(Duration.ofSeconds(10)).until(() -> this.world.upToDate("a"));
		assertThat(this.world.threads).containsOnly("test-loop");
	}

	@Test
	void theLoopPollsForChangesItWasNotToldOfAndSurvivesAFailingPass() {
		this.loop = loop(new ReconcileLoop.Settings(true, Duration.ofMillis(20), LONG));
		this.world.dueFails = new IllegalStateException("database down");
		this.loop.start();
		this.world.bump("a");
		await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5)).until(() -> !this.world.upToDate("a"));

		this.world.dueFails = null;

		await().atMost(Duration.ofSeconds(10)).until(() -> this.world.upToDate("a"));
	}

	@Test
	void theLoopResyncsEveryResyncInterval() {
		this.loop = loop(new ReconcileLoop.Settings(true, LONG, Duration.ofMillis(20)));
		this.world.bump("a");
		this.loop.drain();
		this.world.orphans = 1;
		this.loop.start();

		await().atMost(Duration.ofSeconds(10)).until(() -> this.world.orphans == 0);
		assertThat(this.world.reconciled).hasSizeGreaterThan(1);
	}

	@Test
	void aResyncOnDemandRunsOnTheLoopsThreadWhileItRuns() {
		this.world.bump("a");
		assertThat(this.loop.resyncNow().count(Outcome.CREATED)).isEqualTo(1);
		assertThat(this.world.threads).containsExactly(Thread.currentThread().getName());

		this.loop.start();
		assertThat(this.loop.resyncNow().count(Outcome.NOOP)).isEqualTo(1);
		assertThat(this.world.threads).last().isEqualTo("test-loop");
	}

	@Test
	void aDisabledLoopDoesNotStartWithTheApplication() {
		assertThat(loop(new ReconcileLoop.Settings(false, LONG, null)).isAutoStartup()).isFalse();
		assertThat(loop(ReconcileLoop.Settings.polling(LONG)).isAutoStartup()).isTrue();
	}

	private ReconcileLoop<String> loop(ReconcileLoop.Settings settings) {
		return new ReconcileLoop<>("test-loop", this.world, this.leader::get, settings);
	}

}
