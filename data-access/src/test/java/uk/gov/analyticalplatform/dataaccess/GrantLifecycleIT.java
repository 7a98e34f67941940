package uk.gov.analyticalplatform.dataaccess;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import uk.gov.analyticalplatform.testing.MovableClock;
import uk.gov.analyticalplatform.testing.PlatformDatabase;
import uk.gov.analyticalplatform.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.ADMIN;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.BOB;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.DAVE;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.actions;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.analyst;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.suffix;

/**
 * A grant over its life: to a group's members, replaced, revoked, expiring by itself,
 * refused when it cannot fit IAM's limits, and never rewritten by the application's role.
 */
@SpringBootTest(classes = DataAccessTestApplication.class)
@PlatformDatabase
@Import({ DataAccessFixture.Clocks.class, DataAccessServices.Config.class })
class GrantLifecycleIT {

	@Autowired
	DataAccessServices data;

	@Autowired
	MovableClock clock;

	@Value("${platform.test.database}")
	String database;

	@Test
	void expiredGrantsAreRevokedAutomaticallyAndAudited() {
		Dataset dataset = dataset();
		Caller analyst = analyst();
		Grant grant = this.data.grants()
			.grant(BOB, NewGrant.of(dataset.id(), Principal.user(analyst.asUser()), AccessLevel.READ)
				.expiringAt(this.clock.instant().plus(Duration.ofDays(7))));
		assertThat(this.data.status().of(analyst.asUser()).datasets()).hasSize(1);
		this.clock.advance(Duration.ofDays(8));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.data.grants().get(grant.id()).active()).isFalse());
		Grant ended = this.data.grants().get(grant.id());
		assertThat(ended.revokedBy()).isEqualTo("system:dataaccess-reconciler");
		assertThat(actions(this.data.audit(), "grant", grant.id())).containsExactly("grant.created", "grant.expired");
		assertThat(this.data.status().of(analyst.asUser()).datasets()).isEmpty();
	}

	@Test
	void aGrantToAGroupReachesEveryMemberAndLeavingTheGroupEndsIt() {
		Dataset dataset = dataset();
		Caller analyst = analyst();
		Group team = this.data.groups().create(ADMIN, "team-" + suffix(), "analysts of one team");
		this.data.groups().addMember(ADMIN, team.id(), analyst.asUser());
		this.data.grants().grant(BOB, NewGrant.of(dataset.id(), Principal.group(team.id()), AccessLevel.READ));
		assertThat(this.data.status().of(analyst.asUser()).datasets()).singleElement()
			.satisfies((entry) -> assertThat(entry.via()).containsExactly("group:" + team.name()));
		this.data.groups().removeMember(ADMIN, team.id(), analyst.userId());
		assertThat(this.data.status().of(analyst.asUser()).datasets()).isEmpty();
		assertThat(actions(this.data.audit(), "group", team.id())).containsExactly("group.created",
				"group.member_added", "group.member_removed");
		assertThatExceptionOfType(SelfApprovalForbidden.class).isThrownBy(() -> {
			this.data.groups().addMember(ADMIN, team.id(), BOB.asUser());
			this.data.grants()
				.grant(BOB, NewGrant.of(dataset.id(), Principal.group(team.id()), AccessLevel.READ_WRITE));
		});
	}

	@Test
	void aNewGrantReplacesThePrincipalsActiveGrantAndRevokingEndsIt() {
		Dataset dataset = dataset();
		Grant read = this.data.grants()
			.grant(BOB, NewGrant.of(dataset.id(), Principal.user(DAVE.asUser()), AccessLevel.READ));
		Grant write = this.data.grants()
			.grant(BOB, NewGrant.of(dataset.id(), Principal.user(DAVE.asUser()), AccessLevel.READ_WRITE));
		assertThat(this.data.grants().get(read.id()).revokeReason()).isEqualTo("replaced by grant " + write.id());
		assertThat(this.data.grants().activeOn(BOB, dataset.id())).extracting(Grant::id).containsExactly(write.id());
		this.data.grants().revoke(BOB, write.id(), "project finished");
		assertThat(this.data.grants().activeOn(BOB, dataset.id())).isEmpty();
		assertThat(actions(this.data.audit(), "grant", write.id())).containsExactly("grant.created", "grant.revoked");
		List<AccessReviewEntry> review = this.data.grants().review(BOB, dataset.id());
		assertThat(review).hasSize(2).allSatisfy((entry) -> assertThat(entry.revokedAt()).isNotNull());
		assertThatExceptionOfType(PermissionDenied.class)
			.isThrownBy(() -> this.data.grants().review(DAVE, dataset.id()));
	}

	@Test
	void aGrantThatCannotFitIamLimitsIsRefusedWhenItIsMade() {
		Dataset dataset = dataset();
		List<PathAccess> paths = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			paths.add(PathAccess.readWrite(String.format("a-rather-long-area-name-%05d/", i)));
		}
		assertThatExceptionOfType(GrantDoesNotFit.class).isThrownBy(() -> this.data.grants()
			.grant(BOB, new NewGrant(dataset.id(), Principal.user(DAVE.asUser()), AccessLevel.READ_WRITE, paths, null)))
			.withMessageContaining("dave");
		assertThat(this.data.grants().activeOn(BOB, dataset.id())).isEmpty();
	}

	@Test
	void theApplicationsDatabaseRoleCannotRewriteAGrant() throws SQLException {
		Dataset dataset = dataset();
		Grant grant = this.data.grants()
			.grant(BOB, NewGrant.of(dataset.id(), Principal.user(DAVE.asUser()), AccessLevel.READ));
		try (Connection app = TestDatabases.application(this.database)) {
			assertThatThrownBy(() -> app.createStatement()
				.executeUpdate("UPDATE grants SET level = 'ADMIN' WHERE id = '" + grant.id() + "'"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(
					() -> app.createStatement().executeUpdate("DELETE FROM grants WHERE id = '" + grant.id() + "'"))
				.hasMessageContaining("permission denied");
		}
	}

	private Dataset dataset() {
		return DataAccessFixture.prisonsDataset(this.data.groups(), this.data.catalog(), BOB);
	}

}
