package be.obmi.privacy.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import be.obmi.privacy.domain.RegisterActivity;
import be.obmi.privacy.domain.RegisterVersion;

/**
 * The rows of the spreadsheet exports (docs/formats/privacy-register.md): one per
 * activity (its state, its linked organisation and every field of its current version),
 * and one per version.
 */
final class RegisterRows {

	static final List<String> ACTIVITY_COLUMNS = List.of("id", "register", "doelgroep", "rol", "status", "gepubliceerd",
			"versie", "geldig_vanaf", "organisatie", "organisatie_kbo");

	static final List<String> VERSION_COLUMNS = List.of("id", "versie", "geldig_vanaf", "aangemaakt_door",
			"aangemaakt_op");

	private RegisterRows() {
	}

	static List<String> activityHeader() {
		List<String> header = new ArrayList<>(ACTIVITY_COLUMNS);
		header.addAll(RegisterCells.fieldColumns());
		return header;
	}

	static List<String> versionHeader() {
		List<String> header = new ArrayList<>(VERSION_COLUMNS);
		header.addAll(RegisterCells.fieldColumns());
		return header;
	}

	static List<String> activity(RegisterActivity a) {
		List<String> row = new ArrayList<>(Arrays.asList(a.publicId().toString(), a.register(), a.audience(), a.role(),
				a.state(), a.published() ? "ja" : "nee", String.valueOf(a.currentVersion()), a.validFrom().toString(),
				a.organisationName(), a.organisationKbo()));
		row.addAll(RegisterCells.values(a.content()));
		return row;
	}

	static List<String> version(RegisterVersion v) {
		List<String> row = new ArrayList<>(Arrays.asList(v.publicId().toString(), String.valueOf(v.number()),
				v.validFrom().toString(), v.createdBy(), v.createdAt().toString()));
		row.addAll(RegisterCells.values(v.content()));
		return row;
	}

}
