package be.obmi.plan;

import java.time.LocalDate;
import java.util.List;

import be.obmi.audit.AuditTrail;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.StatusUpdate;
import be.obmi.plan.domain.StatusUpdateForm;
import be.obmi.plan.domain.UpdateState;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The round workflow beyond the happy path (Roeselare, a round of its own with an early
 * reference date so the demo rounds stay the latest): a selection round holds only the
 * selected items; an update sent back with a remark becomes a concept again and can be
 * resubmitted; a stale save is refused; a closed round is frozen; the public view counts
 * only published updates; every step is in the audit history.
 */
@ObmiIntegrationTest
class PlanRoundWorkflowIntegrationTests {

	@Autowired
	Tenants tenants;

	@Autowired
	Plans plans;

	@Autowired
	PlanItems items;

	@Autowired
	StatusRounds rounds;

	@Autowired
	AuditTrail audit;

	@Test
	void sendBackResubmitPublishAndCloseFreezesTheRound() {
		Tenant tenant = tenants.require("roeselare");
		Plan plan = plans.current(tenant).orElseThrow();
		List<PlanItem> actions = items.all(plan).stream().filter(i -> i.type().name().equals("AC")).limit(2).toList();
		StatusRound round = rounds.open(tenant, plan, "Tussentijdse opvolging januari 2026", LocalDate.of(2026, 1, 15),
				LocalDate.of(2026, 1, 31), StatusRound.Scope.SELECTION, actions.stream().map(PlanItem::id).toList(),
				"redacteur.roeselare");
		assertThat(rounds.tasks(tenant, round)).extracting(t -> t.item().code())
			.containsExactlyElementsOf(actions.stream().map(PlanItem::code).toList());
		long itemId = actions.getFirst().id();

		StatusUpdate submitted = rounds.save(tenant, round.id(), itemId,
				new StatusUpdateForm(ItemStatus.VERTRAAGD, 20, "Vertraagd door de vergunning.", "Vergunning", null, -1),
				true, "bijdrager.roeselare");
		assertThat(submitted.state()).isEqualTo(UpdateState.INGEDIEND);
		assertThatThrownBy(() -> rounds.save(tenant, round.id(), itemId,
				new StatusUpdateForm(ItemStatus.OP_SCHEMA, 30, null, null, null, submitted.version()), true, "x"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("al ingediend");

		rounds.sendBack(tenant, submitted.id(), "Geef een nieuwe timing.");
		StatusUpdate returned = rounds.update(tenant, submitted.id()).orElseThrow();
		assertThat(returned.state()).isEqualTo(UpdateState.CONCEPT);
		assertThat(returned.remark()).isEqualTo("Geef een nieuwe timing.");

		assertThatThrownBy(() -> rounds.save(tenant, round.id(), itemId,
				new StatusUpdateForm(ItemStatus.VERTRAAGD, 25, "Oud", null, null, submitted.version()), true, "x"))
			.isInstanceOf(ConcurrentChangeException.class);
		StatusUpdate resubmitted = rounds.save(
				tenant, round.id(), itemId, new StatusUpdateForm(ItemStatus.VERTRAAGD, 25,
						"Nieuwe timing: oplevering in juni.", "Vergunning", null, returned.version()),
				true, "bijdrager.roeselare");
		assertThat(resubmitted.state()).isEqualTo(UpdateState.INGEDIEND);

		assertThat(rounds.latest(plan, true).values()).noneMatch(u -> u.roundId() == round.id());
		rounds.approve(tenant, resubmitted.id(), "redacteur.roeselare");
		assertThat(rounds.publishApproved(tenant, round.id())).isEqualTo(1);
		assertThat(rounds.history(tenant, itemId, true))
			.anyMatch(u -> u.roundId() == round.id() && u.narrative().equals("Nieuwe timing: oplevering in juni."));

		rounds.close(tenant, round.id());
		assertThatThrownBy(() -> rounds.save(tenant, round.id(), actions.get(1).id(),
				new StatusUpdateForm(ItemStatus.OP_SCHEMA, 10, null, null, null, -1), true, "x"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("afgesloten");
		assertThatThrownBy(() -> rounds.sendBack(tenant, resubmitted.id(), "te laat"))
			.isInstanceOf(IllegalStateException.class);

		assertThat(audit.history(tenant.id(), "statusupdate", String.valueOf(submitted.id()), 20))
			.hasSizeGreaterThanOrEqualTo(5);
		assertThat(audit.history(tenant.id(), "statusronde", String.valueOf(round.id()), 5))
			.hasSizeGreaterThanOrEqualTo(2);
	}

}
