package be.obmi.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * The one way OBMi renders a PDF: a Thymeleaf template written as well-formed XHTML (the
 * same message bundle and escaping as the web pages), with invisible bidirectional and
 * zero-width characters removed ({@link InvisibleCharacters}), laid out by openhtmltopdf.
 */
@Component
public class PdfDocuments {

	private final ITemplateEngine templates;

	PdfDocuments(ITemplateEngine templates) {
		this.templates = templates;
	}

	/** The PDF of a template with these variables, in the given language. */
	public byte[] render(String template, Locale locale, Map<String, ?> variables) {
		Context context = new Context(locale);
		variables.forEach(context::setVariable);
		return pdf(html(template, context));
	}

	/** The XHTML a template gives, before layout (for tests and previews). */
	public String html(String template, Context context) {
		return InvisibleCharacters.clean(templates.process(template, context));
	}

	private static byte[] pdf(String html) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
