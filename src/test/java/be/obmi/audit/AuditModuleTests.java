package be.obmi.audit;

import java.util.List;

import be.obmi.tenancy.Municipalities;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit module alone ({@code STANDALONE}: it depends on nothing but shared) against
 * the real embedded PostgreSQL of the test profile: history lines written through
 * {@link AuditTrail}, the {@link DataChanged} announcements and the
 * {@link DataGenerations} they move on. Uses platform history (tenant null), which needs
 * no tenant row.
 * <p>
 * The embedded database is configured in platform
 * ({@code EmbeddedPostgresConfiguration}), and Spring Modulith drops every bean
 * definition of a module that is not bootstrapped (an {@code @Import} of it fails too),
 * so platform is an extra include. Platform's own beans need tenancy's {@link Tenants}
 * and {@link Municipalities} (platform home, public response cache); they are mocked, as
 * audit must not depend on tenancy.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.STANDALONE, extraIncludes = "platform")
@ActiveProfiles("test")
@MockitoBean(types = { Tenants.class, Municipalities.class })
class AuditModuleTests {

	@Autowired
	AuditTrail audit;

	@Autowired
	DataGenerations generations;

	@Autowired
	TransactionTemplate transaction;

	@AfterEach
	void logOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aRecordedChangeAppearsInTheHistoryWithItsActorAndFields(AssertablePublishedEvents events) {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("platformbeheerder", null, "ROLE_PLATFORMBEHEERDER"));
		transaction.executeWithoutResult(status -> audit.updated(null, "gebruiker", "4711", "Lena Lezer",
				List.of(FieldChange.between("e-mail", "lena@gent.be", "lena@mechelen.be"))));
		List<AuditEvent> history = audit.platformHistory("gebruiker", "4711", 5);
		assertThat(history).hasSize(1);
		AuditEvent event = history.getFirst();
		assertThat(event.actor()).isEqualTo("platformbeheerder");
		assertThat(event.action()).isEqualTo(AuditEvent.Action.UPDATE);
		assertThat(event.entityLabel()).isEqualTo("Lena Lezer");
		assertThat(event.changes()).containsExactly(new FieldChange("e-mail", "lena@gent.be", "lena@mechelen.be"));
		assertThat(events).contains(DataChanged.class)
			.matching(changed -> changed.tenantId() == null && "gebruiker".equals(changed.entityType()));
	}

	@Test
	void aTransactionAnnouncesEachEntityTypeOnceAndMovesTheGenerationsOnAfterCommit(AssertablePublishedEvents events) {
		long platformBefore = generations.platform();
		long anyBefore = generations.any();
		transaction.executeWithoutResult(status -> {
			audit.created(null, "indicator", "bev_0_17", "Jongeren", List.of(FieldChange.added("naam", "Jongeren")));
			audit.created(null, "indicator", "bev_65", "Ouderen", List.of(FieldChange.added("naam", "Ouderen")));
			audit.deleted(null, "dataset", "TAB003", "Bevolking", List.of());
			assertThat(generations.platform()).as("not before the commit").isEqualTo(platformBefore);
		});
		assertThat(events.ofType(DataChanged.class)).containsExactlyInAnyOrder(new DataChanged(null, "indicator"),
				new DataChanged(null, "dataset"));
		assertThat(generations.platform()).isEqualTo(platformBefore + 2);
		assertThat(generations.any()).isEqualTo(anyBefore + 2);
		assertThat(audit.platformHistory("indicator", null, 10)).extracting(AuditEvent::entityId)
			.containsExactly("bev_65", "bev_0_17");
		assertThat(audit.platformHistory("dataset", "TAB003", 10)).singleElement()
			.satisfies(event -> assertThat(event.actor()).isEqualTo("systeem"));
	}

	@Test
	void aRolledBackChangeLeavesNoHistoryAndNoNewGeneration() {
		long before = generations.platform();
		transaction.executeWithoutResult(status -> {
			audit.created(null, "gebied", "wijk-x", "Wijk X", List.of());
			status.setRollbackOnly();
		});
		assertThat(audit.platformHistory("gebied", "wijk-x", 5)).isEmpty();
		assertThat(generations.platform()).isEqualTo(before);
	}

	@Test
	void historyIsOnlyWrittenInsideTheChangingTransaction() {
		assertThatThrownBy(() -> audit.created(null, "gebied", "wijk-y", "Wijk Y", List.of()))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThat(audit.platformHistory("gebied", "wijk-y", 5)).isEmpty();
	}

	@Test
	void anUpdateWithoutChangesIsNoHistory(AssertablePublishedEvents events) {
		transaction.executeWithoutResult(status -> audit.updated(null, "plan", "1", "Meerjarenplan", List.of()));
		assertThat(audit.platformHistory("plan", "1", 5)).isEmpty();
		assertThat(events.ofType(DataChanged.class)).isEmpty();
	}

}
