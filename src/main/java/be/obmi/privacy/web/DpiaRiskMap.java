package be.obmi.privacy.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import be.obmi.privacy.domain.DpiaRisk;

/**
 * The CNIL risk map of a DPIA as the rows of a 4×4 table drawn on the server: severity 4
 * at the top down to 1, likelihood 1 to 4 from left to right, each risk (R1, R2, … in the
 * order of the DPIA) in the cell of its values, before or after the measures. Each cell
 * has a zone (low, medium, high by likelihood × severity) shown by colour and named in
 * text.
 */
record DpiaRiskMap(boolean residual, List<Row> rows) {

	/** A row of the map: one severity. */
	record Row(int severity, List<Cell> cells) {
	}

	/** A cell: its values, zone and the risks placed in it. */
	record Cell(int likelihood, int severity, String zone, List<Placed> risks) {
	}

	/** A risk placed in a cell, with its label (R1…) and anchor. */
	record Placed(String label, long id) {
	}

	static DpiaRiskMap of(List<DpiaRisk> risks, boolean residual) {
		ToIntFunction<DpiaRisk> likelihood = residual ? DpiaRisk::residualLikelihood : DpiaRisk::likelihood;
		ToIntFunction<DpiaRisk> severity = residual ? DpiaRisk::residualSeverity : DpiaRisk::severity;
		List<Row> rows = new ArrayList<>();
		for (int s = 4; s >= 1; s--) {
			List<Cell> cells = new ArrayList<>();
			for (int l = 1; l <= 4; l++) {
				List<Placed> placed = new ArrayList<>();
				for (int i = 0; i < risks.size(); i++) {
					DpiaRisk risk = risks.get(i);
					if (likelihood.applyAsInt(risk) == l && severity.applyAsInt(risk) == s) {
						placed.add(new Placed(label(i), risk.id()));
					}
				}
				cells.add(new Cell(l, s, zone(l, s), placed));
			}
			rows.add(new Row(s, cells));
		}
		return new DpiaRiskMap(residual, rows);
	}

	/** R1, R2, … by the risk's place in the DPIA. */
	static String label(int index) {
		return "R" + (index + 1);
	}

	/** The CNIL's zones: high from 9 (or severity 4 with likelihood 3+), low up to 3. */
	static String zone(int likelihood, int severity) {
		int level = likelihood * severity;
		if (level >= 9 || (severity == 4 && likelihood >= 3)) {
			return "high";
		}
		return level <= 3 ? "low" : "medium";
	}

}
