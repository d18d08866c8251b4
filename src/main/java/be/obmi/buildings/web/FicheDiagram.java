package be.obmi.buildings.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.obmi.buildings.domain.FicheContent;
import be.obmi.buildings.domain.FicheModels;
import be.obmi.buildings.domain.FicheVocabulary;

/**
 * The class diagram of a fiche's data model laid out for an SVG drawn by the page
 * ({@code buildings/fiche-diagram.html}): a box per class in a grid of three columns,
 * with its attributes, and a line per link. Drawn on the server from the same model as
 * the Mermaid text, so the page needs no script and no inline styles (CSP).
 */
public record FicheDiagram(int width, int height, List<Box> boxes, List<Edge> edges) {

	static final int COLUMNS = 3;

	static final int MIN_WIDTH = 230;

	static final int GAP = 110;

	/** About the width of a character of the diagram's 12 px text. */
	static final double CHAR = 7.0;

	static final int HEADER = 44;

	static final int LINE = 18;

	/** A class with its attribute lines. */
	public record Box(String name, String title, List<String> lines, int x, int y, int width, int height) {

		public int textX() {
			return x + 10;
		}

		public int lineY(int index) {
			return y + HEADER + 14 + index * LINE;
		}

		public int centerX() {
			return x + width / 2;
		}

		public int centerY() {
			return y + height / 2;
		}

	}

	/** A link from one class to another, labelled with the element and cardinality. */
	public record Edge(int x1, int y1, int x2, int y2, String label) {

		public int labelX() {
			return (x1 + x2) / 2;
		}

		public int labelY() {
			return (y1 + y2) / 2 + 4;
		}

		/** The white background behind the label, drawn over the boxes. */
		public int labelWidth() {
			return (int) Math.ceil(label.length() * CHAR * 0.92) + 8;
		}

		public int labelLeft() {
			return labelX() - labelWidth() / 2;
		}

		public int labelTop() {
			return labelY() - 13;
		}

	}

	static FicheDiagram of(List<FicheModels.ModelClass> classes) {
		Map<String, List<String>> linesOf = new HashMap<>();
		int longest = 0;
		for (FicheModels.ModelClass c : classes) {
			List<String> lines = c.attributes()
				.stream()
				.map(a -> "+" + a.key() + " : " + FicheVocabulary.localName(a.range()) + " [" + a.cardinality() + "]")
				.toList();
			linesOf.put(c.iri(), lines);
			longest = Math.max(longest, FicheVocabulary.shortName(c.iri()).length());
			for (String line : lines) {
				longest = Math.max(longest, line.length());
			}
		}
		int boxWidth = Math.max(MIN_WIDTH, (int) Math.ceil(longest * CHAR) + 20);
		List<Box> boxes = new ArrayList<>();
		Map<String, Box> byIri = new HashMap<>();
		int y = 10;
		for (int row = 0; row * COLUMNS < classes.size(); row++) {
			int rowHeight = 0;
			List<FicheModels.ModelClass> inRow = classes.subList(row * COLUMNS,
					Math.min(classes.size(), (row + 1) * COLUMNS));
			for (int col = 0; col < inRow.size(); col++) {
				FicheModels.ModelClass c = inRow.get(col);
				List<String> lines = linesOf.get(c.iri());
				int height = HEADER + Math.max(1, lines.size()) * LINE + 8;
				Box box = new Box(c.name(), FicheVocabulary.shortName(c.iri()), lines, 10 + col * (boxWidth + GAP), y,
						boxWidth, height);
				boxes.add(box);
				byIri.put(c.iri(), box);
				rowHeight = Math.max(rowHeight, height);
			}
			y += rowHeight + GAP;
		}
		List<Edge> edges = new ArrayList<>();
		for (FicheModels.ModelClass c : classes) {
			Box from = byIri.get(c.iri());
			for (FicheContent.DataElement link : c.links()) {
				Box to = byIri.get(link.range());
				if (to != null && to != from) {
					edges.add(new Edge(from.centerX(), from.centerY(), to.centerX(), to.centerY(),
							link.key() + " [" + link.cardinality() + "]"));
				}
			}
		}
		int columns = Math.min(COLUMNS, Math.max(1, classes.size()));
		return new FicheDiagram(20 + columns * boxWidth + (columns - 1) * GAP, Math.max(y - GAP + 10, 60), boxes,
				edges);
	}

}
