package be.obmi.plan.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.Project;
import be.obmi.plan.domain.Release;

/**
 * The timeline (Gantt) of a selection of actions with their projects and releases, laid
 * out for an SVG drawn by the server (no script, nothing the strict CSP refuses): an
 * action is a bar from its planned start to its planned end; a project or release a
 * hollow circle on its planned date and a filled one on its realised date, joined by a
 * line when they differ, or by a dashed line to today when it is late. Positions are
 * percentages of the drawing's width between {@link #from} and {@link #to}.
 */
public record Timeline(LocalDate from, LocalDate to, List<Tick> years, String today, List<Row> rows, int height,
		int total) {

	/** Height of a row and of the year axis, in pixels. */
	static final int ROW = 22;

	static final int AXIS = 24;

	/** At most this many rows are drawn; the page asks to refine the filters beyond. */
	static final int MAX_ROWS = 400;

	/** A year boundary on the axis. */
	public record Tick(int year, String x) {
	}

	/**
	 * One line of the timeline: an action ({@code kind} action), or a project or release
	 * of the action above it. {@code start}/{@code end} are planned (a project or release
	 * has only {@code start}); {@code actual} is its realised date; {@code x} the
	 * position of the start or planned date, {@code width} the length of an action's bar,
	 * {@code xActual} and {@code xToday} the ends of the line to the realised date or,
	 * when late, to today (null when not drawn).
	 */
	public record Row(String kind, long itemId, String code, String title, ItemStatus status, LocalDate start,
			LocalDate end, LocalDate actual, boolean late, String x, String width, String xActual, String xToday,
			int y) {

		public String rag() {
			return status == null ? "grey" : status.rag();
		}

		/** Days between planned and realised date (positive: later than planned). */
		public Long delay() {
			return start == null || actual == null || end != null ? null : ChronoUnit.DAYS.between(start, actual);
		}

	}

	private record Entry(String kind, long itemId, String code, String title, ItemStatus status, LocalDate start,
			LocalDate end, LocalDate actual, boolean late) {
	}

	static Timeline of(List<PlanTree.Node> actions, List<Project> projects, List<Release> releases, LocalDate today) {
		Map<Long, List<Project>> projectsOf = projects.stream().collect(Collectors.groupingBy(Project::itemId));
		Map<Long, List<Release>> releasesOf = releases.stream().collect(Collectors.groupingBy(Release::itemId));
		List<Entry> entries = new ArrayList<>();
		for (PlanTree.Node node : actions) {
			var item = node.item();
			entries.add(new Entry("action", item.id(), item.code(), item.title(), node.status(), item.startDate(),
					item.endDate(), null, false));
			for (Project p : projectsOf.getOrDefault(item.id(), List.of())) {
				entries.add(new Entry("project", item.id(), item.code(), p.name(), null, p.plannedDate(), null,
						p.actualDate(), late(p.plannedDate(), p.actualDate(), null, today)));
			}
			for (Release r : releasesOf.getOrDefault(item.id(), List.of())) {
				entries.add(new Entry("release", item.id(), item.code(), r.title(), null, r.plannedDate(), null,
						r.actualDate(), late(r.plannedDate(), r.actualDate(), r.status(), today)));
			}
		}
		int total = entries.size();
		List<Entry> shown = entries.size() > MAX_ROWS ? entries.subList(0, MAX_ROWS) : entries;
		List<LocalDate> dates = shown.stream()
			.flatMap(e -> Stream.of(e.start(), e.end(), e.actual()))
			.filter(d -> d != null)
			.toList();
		LocalDate from = dates.stream().min(LocalDate::compareTo).orElse(today).withDayOfYear(1);
		LocalDate to = dates.stream().max(LocalDate::compareTo).orElse(today).plusYears(1).withDayOfYear(1);
		if (today.isBefore(from)) {
			from = today.withDayOfYear(1);
		}
		if (!today.isBefore(to)) {
			to = today.plusYears(1).withDayOfYear(1);
		}
		Scale scale = new Scale(from, to);
		List<Tick> years = new ArrayList<>();
		for (int y = from.getYear(); y < to.getYear(); y++) {
			years.add(new Tick(y, scale.x(LocalDate.of(y, 1, 1))));
		}
		List<Row> rows = new ArrayList<>();
		for (Entry e : shown) {
			int y = AXIS + rows.size() * ROW;
			boolean bar = "action".equals(e.kind()) && e.start() != null && e.end() != null;
			rows.add(new Row(e.kind(), e.itemId(), e.code(), e.title(), e.status(), e.start(), e.end(), e.actual(),
					e.late(), scale.x(e.start()), bar ? scale.width(e.start(), e.end()) : null, scale.x(e.actual()),
					e.late() ? scale.x(today) : null, y));
		}
		return new Timeline(from, to, years, scale.x(today), rows, AXIS + rows.size() * ROW + 4, total);
	}

	/** Not realised, not dropped, and planned before today. */
	private static boolean late(LocalDate planned, LocalDate actual, String status, LocalDate today) {
		return planned != null && actual == null && planned.isBefore(today) && !"GESCHRAPT".equals(status)
				&& !"GEREALISEERD".equals(status);
	}

	public boolean truncated() {
		return total > rows.size();
	}

	private record Scale(LocalDate from, LocalDate to) {

		/** The position of a date as a percentage of the width, or null without date. */
		String x(LocalDate date) {
			return date == null ? null : percent(at(date));
		}

		/** The width between two dates (at least a sliver, so a one-day bar shows). */
		String width(LocalDate start, LocalDate end) {
			return percent(Math.max(at(end) - at(start), 0.002));
		}

		private double at(LocalDate date) {
			double span = ChronoUnit.DAYS.between(from, to);
			return Math.clamp(ChronoUnit.DAYS.between(from, date) / span, 0.0, 1.0);
		}

		private static String percent(double fraction) {
			return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
		}

	}

}
