package uk.gov.analyticalplatform.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChainWalkTests {

	private record Link(long seq, StoredEvent event, byte[] prev, byte[] hash) {
	}

	private static List<Link> chain(int length) {
		List<Link> links = new ArrayList<>();
		byte[] prev = ChainHash.GENESIS;
		for (int seq = 1; seq <= length; seq++) {
			StoredEvent event = ChainHashTests.event(100 + seq, "{\"n\": " + seq + "}");
			byte[] hash = ChainHash.of(event, seq, prev);
			links.add(new Link(seq, event, prev, hash));
			prev = hash;
		}
		return links;
	}

	private static ChainWalk walk(List<Link> links, Map<Long, StoredCheckpoint> checkpoints) {
		ChainWalk walk = new ChainWalk(checkpoints);
		for (Link link : links) {
			if (!walk.accept(link.seq(), 100 + link.seq(), link.prev(), link.hash(), link.event())) {
				break;
			}
		}
		return walk;
	}

	private static StoredCheckpoint checkpoint(Link link) {
		return new StoredCheckpoint(link.seq(), link.hash(), Instant.EPOCH, CheckpointSigner.ALGORITHM, "k",
				new byte[32]);
	}

	@Test
	void anIntactChainPasses() {
		List<Link> links = chain(5);
		ChainWalk walk = walk(links, Map.of(3L, checkpoint(links.get(2))));
		walk.finish(checkpoint(links.get(4)));
		assertThat(walk.problem()).isNull();
		assertThat(walk.linked()).isEqualTo(5);
		assertThat(walk.headHash()).isEqualTo(links.get(4).hash());
	}

	@Test
	void anEditedEventIsNamed() {
		List<Link> links = chain(5);
		Link edited = links.get(2);
		links.set(2, new Link(3, ChainHashTests.event(103, "{\"n\": 999}"), edited.prev(), edited.hash()));
		ChainWalk.Problem problem = walk(links, Map.of()).problem();
		assertThat(problem.eventId()).isEqualTo(103L);
		assertThat(problem.seq()).isEqualTo(3);
		assertThat(problem.description()).contains("changed after it was recorded");
	}

	@Test
	void aMissingLinkIsAGap() {
		List<Link> links = chain(5);
		links.remove(1);
		ChainWalk.Problem problem = walk(links, Map.of()).problem();
		assertThat(problem.seq()).isEqualTo(2);
		assertThat(problem.description()).contains("Link 2 is missing");
	}

	@Test
	void aDeletedEventIsNamed() {
		List<Link> links = chain(3);
		ChainWalk walk = new ChainWalk(Map.of());
		walk.accept(1, 101, links.get(0).prev(), links.get(0).hash(), links.get(0).event());
		walk.accept(2, 102, links.get(1).prev(), links.get(1).hash(), null);
		assertThat(walk.problem().eventId()).isEqualTo(102L);
		assertThat(walk.problem().description()).contains("deleted");
	}

	@Test
	void aRecomputedChainDisagreesWithTheCheckpoint() {
		List<Link> original = chain(4);
		StoredCheckpoint signed = checkpoint(original.get(3));
		List<Link> rewritten = new ArrayList<>();
		byte[] prev = ChainHash.GENESIS;
		for (Link link : original) {
			StoredEvent event = (link.seq() == 2) ? ChainHashTests.event(102, "{\"n\": 42}") : link.event();
			byte[] hash = ChainHash.of(event, link.seq(), prev);
			rewritten.add(new Link(link.seq(), event, prev, hash));
			prev = hash;
		}
		ChainWalk.Problem problem = walk(rewritten, Map.of(4L, signed)).problem();
		assertThat(problem.seq()).isEqualTo(4);
		assertThat(problem.description()).contains("rewritten");
	}

	@Test
	void aTailCutAfterACheckpointIsReported() {
		List<Link> links = chain(10);
		ChainWalk walk = walk(links.subList(0, 7), Map.of());
		walk.finish(checkpoint(links.get(9)));
		assertThat(walk.problem().seq()).isEqualTo(8);
		assertThat(walk.problem().description()).contains("the last 3 events after link 7 have been removed");
	}

}
