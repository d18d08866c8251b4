package be.obmi.buildings.comparison;

import java.util.List;
import java.util.Map;

import be.obmi.knowledge.KnowledgeRound;
import be.obmi.tenancy.Tenant;

/**
 * The processes × cities table of one round with the previous round's diff.
 *
 * @param round the round shown (the open one, else the latest closed); null when there is
 * none
 * @param previous the round before it, or null
 * @param cells by tenant id and process code; a city without a row has no entry
 */
public record ComparisonMatrix(KnowledgeRound round, KnowledgeRound previous, List<BuildingProcess> processes,
		List<Tenant> cities, Map<Long, Map<String, Cell>> cells) {

	/** How a city's row changed since the previous round. */
	public enum Change {

		/** No row before, one now. */
		NEW,
		/** Some field differs from the previous round's row. */
		CHANGED,
		/** Saved again in this round, nothing changed. */
		CONFIRMED,
		/** Not saved in this round: the earlier row still holds. */
		CARRIED;

		public String messageKey() {
			return "buildings.comparison.change." + name();
		}

	}

	/**
	 * A city's row for a process.
	 *
	 * @param now the row as of the round
	 * @param before the row as of the previous round, or null
	 * @param changedFields the fields that differ from {@code before}
	 */
	public record Cell(ComparisonEntry now, ComparisonEntry before, Change change, List<String> changedFields) {

		public boolean changed(String field) {
			return changedFields.contains(field);
		}

	}

	public Cell cell(Tenant city, BuildingProcess process) {
		Map<String, Cell> of = cells.get(city.id());
		return of == null ? null : of.get(process.code());
	}

	/** How many cities have a row for the process. */
	public long count(BuildingProcess process) {
		return cities.stream().filter(c -> cell(c, process) != null).count();
	}

	/** Whether any row shown was made by the demo data. */
	public boolean demo() {
		return cells.values()
			.stream()
			.flatMap(m -> m.values().stream())
			.anyMatch(c -> c.now().demo() || (round != null && round.demo()));
	}

}
