package be.obmi.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.OutputStream;
import java.util.Base64;

/**
 * Hostile files sent over HTTP to every upload endpoint of the API (plan, indicators,
 * finance, statistics observations, catalogue, area sets) as a platform admin: a file
 * over the multipart limit (413), an XLSX zip bomb, an XLSX with a billion-laughs DTD, an
 * XLSX with an external entity ({@code file:///etc/passwd}), a PNG renamed {@code .csv},
 * UTF-16 text, random bytes, a PX file that declares an absurd number of cells, a CSV
 * with one unterminated 4 MB field, an empty file and a request that is not a multipart
 * form. Each gives a 4xx with a Dutch message — never a 500, never the contents of a
 * local file — and nothing changes (the plan export, the finance summary and the
 * statistics import history are the same before and after). The upload pages answer a
 * too-large file with the Dutch 413 page.
 */
@ObmiIntegrationTest
class UploadHostileInputIntegrationTests {

	static final String SLUG = "mechelen";

	static final List<String> ENDPOINTS = List.of("/api/v1/" + SLUG + "/plan/import",
			"/api/v1/" + SLUG + "/plan/indicatoren/import", "/api/v1/" + SLUG + "/finance/import",
			"/api/v1/" + SLUG + "/stats/import", "/api/v1/" + SLUG + "/stats/catalogue",
			"/api/v1/" + SLUG + "/stats/area-sets/hostile",
			// buildings (B2): a city's process-record list (register-gap indicator)
			"/api/v1/" + SLUG + "/schillenboek/procesrecords",
			// pirk (P1): register extracts
			"/api/v1/" + SLUG + "/pirk/import",
			// pirk (P2): the indications import
			"/api/v1/" + SLUG + "/pirk/indicaties");

	@LocalServerPort
	int port;

	@Test
	void everyUploadEndpointRefusesHostileFilesInDutchWithoutChangingAnything() throws Exception {
		ApiClient admin = ApiClient.as(port, "platformbeheerder");
		String planBefore = admin.get("/api/v1/" + SLUG + "/plan/export").body();
		String financeBefore = admin.get("/api/v1/" + SLUG + "/finance/summary").body();
		String importsBefore = admin.get("/api/v1/" + SLUG + "/stats/imports").body();

		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("zipbom.xlsx", zipBomb());
		files.put("billion-laughs.xlsx", xlsxWithSheet(billionLaughs()));
		files.put("xxe.xlsx", xlsxWithSheet(externalEntity()));
		files.put("afbeelding.csv", png());
		files.put("utf16.csv", "code;type;titel\nBD01;BD;Doel\n".getBytes(StandardCharsets.UTF_16));
		files.put("ruis.csv", random(200_000));
		files.put("absurd.px", absurdPx());
		files.put("open-veld.csv", unterminatedField());
		files.put("leeg.csv", new byte[0]);
		files.put("nul.csv",
				("code;type;bovenliggende_code;titel;omschrijving;indicator;naam;gebied;niveau;periode;waarde;label\n"
						+ "BD01;BD;;Doel\u0000;x;x;x;12025;gemeente;2024;1;x\n")
					.getBytes(StandardCharsets.UTF_8));

		List<String> problems = new ArrayList<>();
		List<String> endpoints = new ArrayList<>(ENDPOINTS);
		// datasources (A3): the delivered file of a joint data request (Kenniscentrum)
		endpoints.add("/api/v1/kenniscentrum/datapedia/aanvragen/" + deliveredRequest() + "/import");
		for (String endpoint : endpoints) {
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				var response = admin.upload(endpoint, file.getKey(), file.getValue(), Map.of());
				check(problems, endpoint + " " + file.getKey(), response.status(), response.body(), 400, 422);
			}
			var tooLarge = admin.upload(endpoint, "groot.csv", new byte[5 * 1024 * 1024 + 100_000], Map.of());
			check(problems, endpoint + " groot.csv", tooLarge.status(), tooLarge.body(), 413);
			var notMultipart = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint))
				.header("Authorization", basic())
				.header("Content-Type", "text/csv")
				.POST(HttpRequest.BodyPublishers.ofString("code;type\nBD01;BD\n")));
			check(problems, endpoint + " not multipart", notMultipart.statusCode(), notMultipart.body(), 400, 415);
		}
		assertThat(problems).isEmpty();

		assertThat(admin.get("/api/v1/" + SLUG + "/plan/export").body()).isEqualTo(planBefore);
		assertThat(admin.get("/api/v1/" + SLUG + "/finance/summary").body()).isEqualTo(financeBefore);
		assertThat(admin.get("/api/v1/" + SLUG + "/stats/imports").body()).isEqualTo(importsBefore);
	}

	@Test
	void uploadPagesAnswerATooLargeFileWithTheDutchPage() throws Exception {
		for (String page : List.of("/" + SLUG + "/plan/import", "/" + SLUG + "/financien/import",
				"/" + SLUG + "/cijfers/beheer/import", "/" + SLUG + "/pirk/import")) {
			var response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + page))
				.header("Authorization", basic())
				.header("Accept", "text/html")
				.header("Content-Type", "multipart/form-data; boundary=b")
				.POST(HttpRequest.BodyPublishers
					.ofByteArray(HeadersHostileInputIntegrationTests.multipart(new byte[5 * 1024 * 1024 + 100_000]))));
			assertThat(response.statusCode()).as(page).isEqualTo(413);
			assertThat(response.body()).as(page).contains("Bestand te groot").contains("Er is niets gewijzigd");
		}
	}

	private static void check(List<String> problems, String what, int status, String body, int... expected) {
		if (Arrays.stream(expected).noneMatch(e -> e == status)) {
			problems.add(what + " gave " + status + ": " + abbreviate(body));
		}
		else if (status != 415 && !(body.contains("bestand") || body.contains("Bestand") || body.contains("rij")
				|| body.contains("kolom") || body.contains("niet") || body.contains("geen")
				|| body.contains("Onbekend"))) {
			problems.add(what + " gave " + status + " without a Dutch reason: " + abbreviate(body));
		}
		if (body.contains("root:x:0:0") || body.contains("PSQLException") || body.contains("Exception:")) {
			problems.add(what + " leaked internals: " + abbreviate(body));
		}
	}

	private static String abbreviate(String body) {
		return body.length() > 300 ? body.substring(0, 300) + "…" : body;
	}

	/** A joint data request of the city, delivered, so its file may be imported. */
	private long deliveredRequest() throws Exception {
		String draft = "{\"title\":\"Vijandig bestand\",\"supplier\":\"Statbel\",\"description\":\"x\","
				+ "\"detailLevel\":\"SECTOR\",\"periodFrom\":\"2023\",\"periodTo\":\"2024\"}";
		HttpResponse<String> created = send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/" + SLUG + "/datapedia/aanvragen"))
			.header("Authorization", basic())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(draft)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = Long.parseLong(created.body().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
		for (String step : List.of("{\"to\":\"SENT\"}", "{\"to\":\"ANSWERED\",\"answer\":\"ja\"}",
				"{\"to\":\"DELIVERED\"}")) {
			HttpResponse<String> moved = send(HttpRequest
				.newBuilder(URI
					.create("http://localhost:" + port + "/api/v1/kenniscentrum/datapedia/aanvragen/" + id + "/stap"))
				.header("Authorization", basic())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(step)));
			assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
		}
		return id;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder().encodeToString("platformbeheerder:demo".getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A real XLSX whose sheet is 150 MB of markup that compresses to a few hundred kB.
	 */
	static byte[] zipBomb() throws Exception {
		byte[] row = "<row><c t=\"inlineStr\"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>"
			.getBytes(StandardCharsets.UTF_8);
		return rewrite(minimalXlsx(), "xl/worksheets/sheet1.xml", out -> {
			out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
					+ "spreadsheetml/2006/main\"><sheetData>")
				.getBytes(StandardCharsets.UTF_8));
			for (long written = 0; written < 150L * 1024 * 1024; written += row.length) {
				out.write(row);
			}
			out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
		});
	}

	static String billionLaughs() {
		StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY lol0 \"lol\">");
		for (int i = 1; i < 10; i++) {
			dtd.append("<!ENTITY lol").append(i).append(" \"");
			dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
		}
		return dtd.append(
				"]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
						+ "<c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>")
			.toString();
	}

	static String externalEntity() {
		return "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
				+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
				+ "<c r=\"A1\" t=\"inlineStr\"><is><t>code</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c>"
				+ "</row></sheetData></worksheet>";
	}

	static byte[] xlsxWithSheet(String sheet) throws Exception {
		return rewrite(minimalXlsx(), "xl/worksheets/sheet1.xml",
				out -> out.write(sheet.getBytes(StandardCharsets.UTF_8)));
	}

	static byte[] minimalXlsx() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.createSheet("blad").createRow(0).createCell(0).setCellValue("code");
			workbook.write(out);
			return out.toByteArray();
		}
	}

	interface Content {

		void write(OutputStream out) throws Exception;

	}

	/** The same ZIP with one entry's content replaced. */
	static byte[] rewrite(byte[] zip, String name, Content content) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals(name)) {
					content.write(out);
				}
				else {
					in.transferTo(out);
				}
				out.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	static byte[] png() {
		byte[] header = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		byte[] file = random(4096);
		System.arraycopy(header, 0, file, 0, header.length);
		return file;
	}

	static byte[] random(int size) {
		byte[] bytes = new byte[size];
		new Random(42).nextBytes(bytes);
		return bytes;
	}

	/** A PX file whose dimensions declare 10^12 cells, with almost no data. */
	static byte[] absurdPx() {
		StringBuilder px = new StringBuilder(
				"CHARSET=\"ANSI\";\nAXIS-VERSION=\"2013\";\nLANGUAGE=\"nl\";\nMATRIX=\"BOM\";\n"
						+ "SUBJECT-CODE=\"X\";\nSUBJECT-AREA=\"X\";\nTITLE=\"Bom\";\nCONTENTS=\"Bom\";\nUNITS=\"aantal\";\n"
						+ "STUB=\"a\",\"b\";\nHEADING=\"c\";\n");
		for (String dimension : List.of("a", "b", "c")) {
			px.append("VALUES(\"").append(dimension).append("\")=");
			for (int i = 0; i < 10_000; i++) {
				px.append(i == 0 ? "" : ",").append('"').append(i).append('"');
			}
			px.append(";\n");
		}
		return px.append("DATA=\n1 2 3;\n").toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	static byte[] unterminatedField() {
		return ("code;type;titel\nBD01;BD;\"" + "x".repeat(4 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
	}

}
