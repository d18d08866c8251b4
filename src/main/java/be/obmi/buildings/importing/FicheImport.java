package be.obmi.buildings.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import be.obmi.buildings.domain.Fiche;
import be.obmi.buildings.domain.FicheChecks;
import be.obmi.buildings.domain.FicheContent;
import be.obmi.buildings.domain.FicheModels;
import be.obmi.buildings.domain.Fiches;
import be.obmi.buildings.domain.SafeJsonLd;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Statement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a fiche from its JSON-LD file (docs/formats/schillenboek-fiche.md) as the
 * fiche's new draft version, or as a new fiche. All or nothing: a file that is no
 * JSON-LD, names another context, holds no or several fiches, breaks a rule of
 * {@link FicheChecks}, holds statements the format does not know (import → export would
 * lose them) or has an example payload that does not conform to the generated shape is
 * refused with every problem ({@link ImportRejectedException}, 422) and changes nothing.
 * The same file twice changes nothing the second time.
 */
@Service
public class FicheImport {

	/** The largest file taken. */
	static final int MAX_BYTES = 2 * 1024 * 1024;

	private final Fiches fiches;

	private final FicheModels models;

	FicheImport(Fiches fiches, FicheModels models) {
		this.fiches = fiches;
		this.models = models;
	}

	/** What an import did. */
	public record Result(Fiche fiche, boolean changed) {
	}

	/** Reads and checks a file without saving anything. */
	public FicheContent read(byte[] file) {
		if (file == null || file.length == 0) {
			throw ImportRejectedException.of("import.buildings.fiche.empty");
		}
		if (file.length > MAX_BYTES) {
			throw ImportRejectedException.of("import.buildings.tooLarge", MAX_BYTES / 1024 / 1024);
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw ImportRejectedException.of("import.buildings.notUtf8");
		}
		Model model;
		try {
			model = SafeJsonLd.read(text, FicheJsonLd.context(), FicheJsonLd.CONTEXT_URL);
		}
		catch (SafeJsonLd.Unreadable ex) {
			throw ImportRejectedException.of(ex.code(), ex.detail());
		}
		List<ImportError> errors = new ArrayList<>();
		FicheContent content = FicheRdf.read(model, errors);
		if (content == null || !errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		errors.addAll(FicheChecks.problems(content));
		if (errors.isEmpty()) {
			Model written = FicheRdf.model(content);
			if (!written.isIsomorphicWith(model)) {
				List<Statement> unknown = model.difference(written).listStatements().toList();
				List<Statement> missing = written.difference(model).listStatements().toList();
				List<Statement> shown = unknown.isEmpty() ? missing : unknown;
				errors.add(ImportError.ofFile("import.buildings.unknownStatements", shown.size(),
						shown.stream().limit(3).map(FicheImport::statement).toList().toString()));
			}
		}
		if (errors.isEmpty()) {
			FicheModels.Validation validation = models.validate(content);
			if (!validation.conforms()) {
				errors.add(ImportError.ofFile("import.buildings.exampleInvalid",
						String.join("; ", validation.messages().stream().limit(5).toList())));
			}
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		return content;
	}

	/**
	 * Imports the file as the fiche's new draft version.
	 * @throws ImportRejectedException with every problem; nothing changed then
	 */
	@Transactional
	public Result importFile(byte[] file, String by) {
		FicheContent content = read(file);
		Integer before = fiches.find(content.code()).map(Fiche::latestVersion).orElse(null);
		Fiche after = fiches.save(content, null, by, "import");
		return new Result(after, before == null || before != after.latestVersion());
	}

	private static String statement(Statement s) {
		String object = s.getObject().isLiteral() ? "\"" + s.getObject().asLiteral().getLexicalForm() + "\""
				: String.valueOf(s.getObject());
		String text = s.getSubject() + " " + s.getPredicate() + " " + object;
		return text.length() > 160 ? text.substring(0, 160) + "…" : text;
	}

}
