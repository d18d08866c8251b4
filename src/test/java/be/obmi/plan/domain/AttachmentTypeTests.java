package be.obmi.plan.domain;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kinds of attachment are recognised from the bytes: the name only tells the office
 * formats inside a ZIP apart and marks text as CSV or TXT; a name never makes other bytes
 * acceptable.
 */
class AttachmentTypeTests {

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	@Test
	void recognisesTheAllowedKindsByTheirBytes() {
		assertThat(AttachmentType.sniff("verslag.bin", bytes("%PDF-1.7\n..."))).hasValue(AttachmentType.PDF);
		assertThat(AttachmentType.sniff("foto", bytes("\u0089PNG\r\n\u001a\n...."))).hasValue(AttachmentType.PNG);
		assertThat(AttachmentType.sniff("foto.jpg", bytes("\u00ff\u00d8\u00ff\u00e0...")))
			.hasValue(AttachmentType.JPEG);
		assertThat(AttachmentType.sniff("Tabel.XLSX", bytes("PK\u0003\u0004rest"))).hasValue(AttachmentType.XLSX);
		assertThat(AttachmentType.sniff("nota.odt", bytes("PK\u0003\u0004rest"))).hasValue(AttachmentType.ODT);
		assertThat(AttachmentType.sniff("cijfers.csv", bytes("jaar;waarde\r\n2025;1,5\r\n")))
			.hasValue(AttachmentType.CSV);
		assertThat(AttachmentType.sniff("nota.txt", bytes("Caf\u00e9 \u2013 tekst\n"))).hasValue(AttachmentType.TXT);
	}

	@Test
	void refusesEverythingElseWhateverItsName() {
		assertThat(AttachmentType.sniff("pagina.pdf", bytes("<html><script>alert(1)</script></html>"))).isEmpty();
		assertThat(AttachmentType.sniff("pagina.html", bytes("<html></html>"))).isEmpty();
		assertThat(AttachmentType.sniff("archief.zip", bytes("PK\u0003\u0004rest"))).isEmpty();
		assertThat(AttachmentType.sniff("tool.txt", bytes("MZ\u0090\u0000\u0003"))).isEmpty();
		assertThat(AttachmentType.sniff("leeg.txt", new byte[0])).isEmpty();
		assertThat(AttachmentType.sniff("beeld.svg", bytes("<svg onload=alert(1)>"))).isEmpty();
	}

	@Test
	void aFileNameLosesItsPathAndControlCharacters() {
		assertThat(UpdateAttachments.cleanName("C:\\map\\ver\"slag\n.pdf")).isEqualTo("verslag.pdf");
		assertThat(UpdateAttachments.cleanName("../../etc/passwd")).isEqualTo("passwd");
		assertThat(UpdateAttachments.cleanName("  ")).isEqualTo("bijlage");
		assertThat(UpdateAttachments.cleanName("a".repeat(300) + ".pdf")).hasSize(200).endsWith(".pdf");
	}

}
