package be.obmi.privacy.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import be.obmi.privacy.domain.ActivityField;
import be.obmi.privacy.domain.RegisterActivity;
import be.obmi.privacy.domain.RegisterReading;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The content of the register as a document for the DPA or an audit (DOCX and PDF): a
 * section per activity with its state, its linked organisation and every field, labelled
 * in the reader's language.
 */
@Component
class RegisterDocument {

	/** A row of an activity's table. */
	record Line(String label, String value) {
	}

	/** An activity's section. */
	record Section(String name, List<Line> lines) {
	}

	/** The document. */
	record Content(Tenant tenant, LocalDate made, List<Section> sections) {
	}

	private final RegisterReading reading;

	private final MessageSource messages;

	RegisterDocument(RegisterReading reading, MessageSource messages) {
		this.reading = reading;
		this.messages = messages;
	}

	Content of(Tenant tenant, Locale locale) {
		List<Section> sections = reading.all(tenant).stream().map(a -> section(a, locale)).toList();
		return new Content(tenant, LocalDate.now(), sections);
	}

	private Section section(RegisterActivity a, Locale locale) {
		List<Line> lines = new ArrayList<>();
		lines.add(line(locale, "privacy.export.meta.register", msg(locale, "privacy.export.register." + a.register())));
		lines.add(line(locale, "privacy.export.meta.audience", msg(locale, "privacy.public.audience." + a.audience())));
		lines.add(line(locale, "privacy.export.meta.role", msg(locale, "privacy.export.role." + a.role())));
		lines.add(line(locale, "privacy.export.meta.state", msg(locale, "privacy.export.state." + a.state())));
		lines.add(line(locale, "privacy.export.meta.published",
				msg(locale, a.published() ? "privacy.export.yes" : "privacy.export.no")));
		lines.add(line(locale, "privacy.export.meta.version",
				msg(locale, "privacy.export.versionFrom", a.currentVersion(), a.validFrom().toString())));
		if (a.organisationName() != null) {
			lines.add(line(locale, "privacy.export.meta.organisation",
					a.organisationName() + (a.organisationKbo() == null ? "" : " (KBO " + a.organisationKbo() + ")")));
		}
		String sensitive = msg(locale, "privacy.public.sensitive");
		for (ActivityField field : ActivityField.values()) {
			if (field != ActivityField.NAME) {
				lines.add(line(locale, "privacy.register.field." + field.code(),
						RegisterCells.value(a.content(), field, sensitive)));
			}
		}
		return new Section(a.content().name(), lines);
	}

	private Line line(Locale locale, String key, String value) {
		return new Line(msg(locale, key), value == null || value.isBlank() ? "—" : value);
	}

	private String msg(Locale locale, String key, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

}
