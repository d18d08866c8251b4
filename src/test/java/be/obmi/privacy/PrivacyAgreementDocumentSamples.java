package be.obmi.privacy;

import java.nio.charset.StandardCharsets;

/**
 * Small files for the agreement document tests: a minimal PDF, and one that only claims
 * to be.
 */
final class PrivacyAgreementDocumentSamples {

	static final byte[] PDF = """
			%PDF-1.4
			1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
			2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
			trailer << /Root 1 0 R >>
			%%EOF
			""".getBytes(StandardCharsets.US_ASCII);

	static final byte[] NOT_PDF = "<html><body>geen pdf</body></html>".getBytes(StandardCharsets.UTF_8);

	private PrivacyAgreementDocumentSamples() {
	}

}
