package be.obmi.plan.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.Project;
import be.obmi.plan.domain.Release;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline's layout and its filter links, without a database. */
class TimelineTests {

	static final PlanItem GOAL = item(1, null, ItemType.BD, "BD1", null, null);

	static final PlanItem ACTION = item(2, 1L, ItemType.AC, "AC1", LocalDate.of(2026, 1, 1),
			LocalDate.of(2027, 12, 31));

	static PlanItem item(long id, Long parent, ItemType type, String code, LocalDate start, LocalDate end) {
		return new PlanItem(id, 9, parent, type, code, code, null, false, "0490", "Schepen A", "Dienst B – team 1",
				null, start, end, null, null, null, null, BigDecimal.ONE, 0, 0);
	}

	@Test
	void anActionIsABarAndALateReleaseRunsToToday() {
		PlanTree tree = new PlanTree(List.of(GOAL, ACTION), Map.of());
		LocalDate today = LocalDate.of(2027, 1, 1);
		Release late = new Release(5, 2, "AC1", "Oplevering", LocalDate.of(2026, 7, 1), null, "GEPLAND");
		Release done = new Release(6, 2, "AC1", "Start", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 11),
				"GEREALISEERD");
		Project undated = new Project(7, 2, "Project", null, null, null, 0);
		Timeline timeline = Timeline.of(List.of(tree.node(2)), List.of(undated), List.of(late, done), today);

		assertThat(timeline.from()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(timeline.to()).isEqualTo(LocalDate.of(2028, 1, 1));
		assertThat(timeline.rows()).extracting(Timeline.Row::kind)
			.containsExactly("action", "project", "release", "release");
		Timeline.Row action = timeline.rows().get(0);
		assertThat(action.x()).isEqualTo("0.00%");
		assertThat(action.width()).isEqualTo("99.86%");
		assertThat(timeline.rows().get(1).x()).as("a project without dates is not drawn").isNull();
		Timeline.Row lateRow = timeline.rows().get(2);
		assertThat(lateRow.late()).isTrue();
		assertThat(lateRow.xToday()).isEqualTo(timeline.today()).isEqualTo("50.00%");
		Timeline.Row doneRow = timeline.rows().get(3);
		assertThat(doneRow.late()).isFalse();
		assertThat(doneRow.delay()).isEqualTo(10L);
		assertThat(doneRow.y()).isEqualTo(Timeline.AXIS + 3 * Timeline.ROW);
	}

	@Test
	void theFilterLinksCarryOnlyTheFiltersThatAreSet() {
		PlanFilter filter = new PlanFilter(1L, " ", "Dienst B – team 1", null, null);
		assertThat(filter.href("/mechelen/plan/acties", be.obmi.plan.domain.ItemStatus.PROBLEEM))
			.isEqualTo("/mechelen/plan/acties?goal=1&department=Dienst%20B%20%E2%80%93%20team%201&status=PROBLEEM");
		assertThat(PlanFilter.NONE.href("/mechelen/plan/kaart")).isEqualTo("/mechelen/plan/kaart");
		PlanTree tree = new PlanTree(List.of(GOAL, ACTION), Map.of());
		assertThat(filter.actions(tree)).extracting(n -> n.item().code()).containsExactly("AC1");
		assertThat(filter.withGoal(99L).actions(tree)).isEmpty();
		assertThat(filter.scope(tree)).extracting(PlanItem::code).containsExactly("BD1", "AC1");
	}

}
