package be.obmi.plan.importing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.plan.importing.ProjectReleaseRows.Entry;
import be.obmi.plan.importing.ProjectReleaseRows.Stored;
import be.obmi.plan.importing.ProjectReleaseRows.Values;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.Table;

import static be.obmi.plan.importing.ProjectReleaseRows.ACTUAL;
import static be.obmi.plan.importing.ProjectReleaseRows.PROJECT;
import static be.obmi.plan.importing.ProjectReleaseRows.RELEASE;
import static be.obmi.plan.importing.ProjectReleaseRows.STATUS;
import static be.obmi.plan.importing.ProjectReleaseRows.STATUSES;

/**
 * One project ({@code PR}) or release ({@code RL}) row of the plan file as
 * {@link ProjectReleaseRows} reads it: the code, the parent and the title required, the
 * dates in one of the file's forms ({@link DateText}), a release's status one of
 * {@link ProjectReleaseRows#STATUSES} (by default planned, or realised when it has an
 * actual date); and a stored one as the line that says it, for the export.
 */
final class ProjectReleaseLines {

	private ProjectReleaseLines() {
	}

	/** The row's entry, or null after adding its errors to {@code errors}. */
	static Entry parse(Table.Row line, List<ImportError> errors) {
		int row = line.number();
		int before = errors.size();
		String kind = line.value(PlanImport.TYPE).toUpperCase(Locale.ROOT);
		String code = required(line, PlanImport.CODE, errors);
		if (code != null && code.length() > 60) {
			errors.add(new ImportError(row, PlanImport.CODE, "import.plan.codeTooLong"));
		}
		String parent = required(line, PlanImport.PARENT, errors);
		String title = required(line, PlanImport.TITLE, errors);
		if (title != null && title.length() > 300) {
			errors.add(new ImportError(row, PlanImport.TITLE, "import.plan.workTitleTooLong"));
		}
		LocalDate planned = RELEASE.equals(kind) && required(line, PlanImport.END, errors) == null ? null
				: date(line, PlanImport.END, errors);
		LocalDate actual = date(line, ACTUAL, errors);
		String status = null;
		if (RELEASE.equals(kind)) {
			status = line.value(STATUS) == null ? (actual == null ? "GEPLAND" : "GEREALISEERD")
					: line.value(STATUS).toUpperCase(Locale.ROOT);
			if (!STATUSES.contains(status)) {
				errors.add(new ImportError(row, STATUS, "import.plan.releaseStatusInvalid", line.value(STATUS)));
			}
		}
		if (errors.size() > before) {
			return null;
		}
		String description = PROJECT.equals(kind) ? line.value(PlanImport.DESCRIPTION) : null;
		return new Entry(row, kind, code, new Values(parent, title, description, planned, actual, status));
	}

	private static String required(Table.Row line, String column, List<ImportError> errors) {
		String value = line.value(column);
		if (value == null) {
			errors.add(new ImportError(line.number(), column, "import.plan.required", column));
		}
		return value;
	}

	private static LocalDate date(Table.Row line, String column, List<ImportError> errors) {
		String text = line.value(column);
		LocalDate date = text == null ? null : DateText.parse(text);
		if (text != null && date == null) {
			errors.add(new ImportError(line.number(), column, "import.plan.dateInvalid", text));
		}
		return date;
	}

	/** A stored project or release as the line of the plan file that says it. */
	static Map<String, String> row(Stored s, String parent) {
		Map<String, String> row = new HashMap<>();
		row.put(PlanImport.CODE, s.code());
		row.put(PlanImport.TYPE, s.kind());
		row.put(PlanImport.PARENT, parent);
		row.put(PlanImport.TITLE, s.title());
		row.put(PlanImport.DESCRIPTION, s.description());
		row.put(PlanImport.END, s.plannedDate() == null ? null : s.plannedDate().toString());
		row.put(ACTUAL, s.actualDate() == null ? null : s.actualDate().toString());
		row.put(STATUS, s.status());
		return row;
	}

}
