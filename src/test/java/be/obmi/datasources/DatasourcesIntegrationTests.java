package be.obmi.datasources;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.Severity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Datapedia through its API against the real application: a joint data request goes
 * from draft to delivered with Gent and Brugge joined (wrong role 403, wrong state 409,
 * two concurrent steps: one wins, the other 409), and the delivered file is imported for
 * both (the figures appear in both cities' statistics, not in Mechelen's; the rows about
 * Mechelen, which did not join, are left out); a file with an error in one city's part
 * changes nothing in any city; each city's import is undone as usual; internal sources
 * stay hidden from anonymous visitors and other cities; the public sources are datasets
 * of the platform's DCAT-AP catalogue, which still passes the SHACL shapes.
 */
@ObmiIntegrationTest
class DatasourcesIntegrationTests {

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	record Answer(int status, String body) {

		JsonNode json() {
			return JSON.readTree(body);
		}

	}

	Answer send(String method, String user, String path, Object body) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/json")
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
			if (user != null) {
				request.header("Authorization", "Basic "
						+ Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
			}
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	long draft(String title) {
		Answer created = send("POST", "redacteur.gent", "/api/v1/gent/datapedia/aanvragen",
				Map.of("title", title, "supplier", "Statbel", "description", "Fiscale inkomens per sector",
						"detailLevel", "SECTOR", "periodFrom", "2023", "periodTo", "2024"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	Answer step(String user, long id, String to, Integer version, String answer) {
		Map<String, Object> body = new HashMap<>();
		body.put("to", to);
		body.put("version", version);
		body.put("answer", answer);
		return send("POST", user, "/api/v1/kenniscentrum/datapedia/aanvragen/" + id + "/stap", body);
	}

	/** A request drafted by Gent, joined by Brugge, sent, answered and delivered. */
	long delivered(String title) {
		long id = draft(title);
		Answer joined = send("POST", "redacteur.brugge", "/api/v1/brugge/datapedia/aanvragen/" + id + "/deelnemen",
				null);
		assertThat(joined.status()).as(joined.body()).isEqualTo(200);
		assertThat(step("kenniscentrum", id, "SENT", null, null).status()).isEqualTo(200);
		assertThat(step("kenniscentrum", id, "ANSWERED", null, "Levering in maart").status()).isEqualTo(200);
		Answer done = step("kenniscentrum", id, "DELIVERED", null, null);
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		return id;
	}

	Answer observations(String user, String slug, String code) {
		return send("GET", user,
				"/api/v1/" + slug + "/stats/observations?indicator=" + code + "&level=gemeente&period=2024", null);
	}

	@Test
	void aJointRequestGoesFromDraftToDeliveredAndItsFileIsImportedForBothJoinedCities() {
		String code = "a3_joint_" + SEQUENCE.incrementAndGet();
		long id = draft("Gezamenlijke aanvraag " + code);
		// a lezer may not join; a redacteur of another city may; a city may not send
		assertThat(
				send("POST", "lezer.brugge", "/api/v1/brugge/datapedia/aanvragen/" + id + "/deelnemen", null).status())
			.isEqualTo(403);
		Answer joined = send("POST", "redacteur.brugge", "/api/v1/brugge/datapedia/aanvragen/" + id + "/deelnemen",
				null);
		assertThat(joined.status()).as(joined.body()).isEqualTo(200);
		assertThat(joined.json().get("cities").toString()).contains("gent", "brugge").doesNotContain("mechelen");
		assertThat(send("POST", "redacteur.brugge", "/api/v1/brugge/datapedia/aanvragen/" + id + "/opmerkingen",
				Map.of("body", "Brugge vraagt ook 2022."))
			.status()).isEqualTo(201);
		assertThat(step("redacteur.gent", id, "SENT", null, null).status()).isEqualTo(403);
		// the wrong state and a stale version: 409
		assertThat(step("kenniscentrum", id, "DELIVERED", null, null).status()).isEqualTo(409);
		int version = send("GET", "lezer.gent", "/api/v1/gent/datapedia/aanvragen/" + id, null).json()
			.get("version")
			.asInt();
		assertThat(step("kenniscentrum", id, "SENT", version - 1, null).status()).isEqualTo(409);
		Answer sent = step("kenniscentrum", id, "SENT", version, null);
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		assertThat(sent.json().get("sentAt").isNull()).isFalse();
		// once sent, no city joins any more
		assertThat(send("POST", "redacteur.mechelen", "/api/v1/mechelen/datapedia/aanvragen/" + id + "/deelnemen", null)
			.status()).isEqualTo(409);
		assertThat(step("kenniscentrum", id, "ANSWERED", null, "").status()).as("an answer is required").isEqualTo(400);
		assertThat(step("kenniscentrum", id, "ANSWERED", null, "Levering begin maart").status()).isEqualTo(200);
		Answer delivered = step("platformbeheerder", id, "DELIVERED", null, null);
		assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
		JsonNode request = delivered.json();
		assertThat(request.get("state").asString()).isEqualTo("DELIVERED");
		assertThat(request.get("supplierAnswer").asString()).isEqualTo("Levering begin maart");
		assertThat(request.get("steps")).hasSize(4);
		assertThat(request.get("deliveredAt").isNull()).isFalse();

		String file = "indicator;niveau;gebied;periode;waarde\n" + code + ";gemeente;44021;2024;1234\n" + code
				+ ";gemeente;31005;2024;567\n" + code + ";gemeente;12025;2024;89\n";
		assertThat(ApiClient.as(port, "redacteur.gent")
			.upload("/api/v1/kenniscentrum/datapedia/aanvragen/" + id + "/import", "levering.csv",
					file.getBytes(StandardCharsets.UTF_8), Map.of())
			.status()).as("a city may not import").isEqualTo(403);
		ApiClient.Response imported = ApiClient.as(port, "kenniscentrum")
			.upload("/api/v1/kenniscentrum/datapedia/aanvragen/" + id + "/import", "levering.csv",
					file.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("leftOut").asInt()).isEqualTo(1);
		assertThat(imported.json().get("cities")).hasSize(2);

		assertThat(observations("lezer.gent", "gent", code).body()).contains("44021").contains("1234");
		assertThat(observations("lezer.brugge", "brugge", code).body()).contains("31005").contains("567");
		assertThat(observations("lezer.mechelen", "mechelen", code).status()).as("not in a third city").isEqualTo(404);
		assertThat(observations("lezer.gent", "gent", code).body()).doesNotContain("567");

		// imported once; each city's import is an ordinary one, undone as usual
		assertThat(ApiClient.as(port, "kenniscentrum")
			.upload("/api/v1/kenniscentrum/datapedia/aanvragen/" + id + "/import", "levering.csv",
					file.getBytes(StandardCharsets.UTF_8), Map.of())
			.status()).isEqualTo(409);
		JsonNode imports = send("GET", "lezer.brugge", "/api/v1/brugge/datapedia/aanvragen/" + id, null).json()
			.get("imports");
		assertThat(imports).hasSize(2);
		long bruggeImport = -1;
		for (JsonNode i : imports) {
			if ("brugge".equals(i.get("city").asString())) {
				bruggeImport = i.get("statsImportId").asLong();
			}
		}
		assertThat(ApiClient.as(port, "redacteur.brugge")
			.post("/api/v1/brugge/stats/imports/" + bruggeImport + "/undo")
			.status()).isEqualTo(200);
		assertThat(observations("lezer.brugge", "brugge", code).body()).doesNotContain("567");
		assertThat(observations("lezer.gent", "gent", code).body()).contains("1234");
	}

	@Test
	void aFileWithAnErrorInOneCitysPartChangesNothingInAnyCity() {
		String code = "a3_refused_" + SEQUENCE.incrementAndGet();
		long id = delivered("Geweigerd bestand " + code);
		String file = "indicator;gebied;periode;waarde\n" + code + ";44021;2024;10\n" + code + ";31005;2024;12x\n"
				+ code + ";99999999;2024;3\n";
		ApiClient.Response refused = ApiClient.as(port, "kenniscentrum")
			.upload("/api/v1/kenniscentrum/datapedia/aanvragen/" + id + "/import", "levering.csv",
					file.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body()).contains("\"row\":4").contains("99999999");
		String good = "indicator;gebied;periode;waarde\n" + code + ";44021;2024;10\n" + code + ";31005;2024;12x\n";
		refused = ApiClient.as(port, "kenniscentrum")
			.upload("/api/v1/kenniscentrum/datapedia/aanvragen/" + id + "/import", "levering.csv",
					good.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body()).as("the row of the uploaded file and the city")
			.contains("\"row\":3")
			.contains("Brugge");
		assertThat(observations("lezer.gent", "gent", code).status()).as("nothing in Gent either").isEqualTo(404);
		assertThat(observations("lezer.brugge", "brugge", code).status()).isEqualTo(404);
		// the claim was released: the corrected file imports
		String fixed = good.replace("12x", "12");
		ApiClient.Response imported = ApiClient.as(port, "kenniscentrum")
			.upload("/api/v1/kenniscentrum/datapedia/aanvragen/" + id + "/import", "levering.csv",
					fixed.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(observations("lezer.brugge", "brugge", code).body()).contains("12");
	}

	@Test
	void twoConcurrentStepsOneWinsTheOtherGets409() {
		for (int round = 0; round < 3; round++) {
			long id = draft("Gelijktijdig " + SEQUENCE.incrementAndGet());
			int version = send("GET", "lezer.gent", "/api/v1/gent/datapedia/aanvragen/" + id, null).json()
				.get("version")
				.asInt();
			List<CompletableFuture<Answer>> steps = new ArrayList<>();
			for (String to : List.of("SENT", "SENT")) {
				steps.add(CompletableFuture.supplyAsync(() -> step("kenniscentrum", id, to, version, null)));
			}
			List<Integer> statuses = steps.stream().map(CompletableFuture::join).map(Answer::status).sorted().toList();
			assertThat(statuses).isEqualTo(List.of(200, 409));
			JsonNode request = send("GET", "lezer.gent", "/api/v1/gent/datapedia/aanvragen/" + id, null).json();
			assertThat(request.get("steps")).as("one step recorded").hasSize(2);
		}
	}

	@Test
	void internalSourcesStayHiddenAndPublicOnesAreInTheDcatCatalogue() throws Exception {
		String code = "a3-intern-" + SEQUENCE.incrementAndGet();
		Map<String, Object> source = new HashMap<>(Map.of("code", code, "name", "Interne bron " + code, "supplier",
				"Stad Gent", "detailLevel", "ATOMIC", "periodicity", "MONTHLY", "publicSource", false));
		assertThat(send("POST", "lezer.gent", "/api/v1/gent/datapedia/bronnen", source).status()).isEqualTo(403);
		source.put("indicators", List.of("bestaat_niet_a3"));
		assertThat(send("POST", "redacteur.gent", "/api/v1/gent/datapedia/bronnen", source).status())
			.as("an unknown indicator")
			.isEqualTo(400);
		source.put("indicators", List.of("bev_totaal"));
		Answer created = send("POST", "redacteur.gent", "/api/v1/gent/datapedia/bronnen", source);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.json().get("indicators").toString()).contains("bev_totaal");
		assertThat(send("GET", null, "/api/v1/datapedia/bronnen/" + id, null).status()).isEqualTo(404);
		assertThat(send("GET", "redacteur.brugge", "/api/v1/datapedia/bronnen/" + id, null).status()).isEqualTo(404);
		assertThat(send("GET", "lezer.gent", "/api/v1/datapedia/bronnen/" + id, null).status()).isEqualTo(200);
		assertThat(send("GET", null, "/api/v1/datapedia/bronnen", null).body()).doesNotContain(code)
			.doesNotContain("ksz-datawarehouse")
			.contains("statbel-bevolking");
		assertThat(send("GET", "redacteur.brugge", "/api/v1/datapedia/bronnen", null).body()).doesNotContain(code)
			.contains("ksz-datawarehouse");
		assertThat(send("GET", null, "/datapedia", null).body()).doesNotContain("Interne bron " + code);
		// another city's redacteur cannot change it; a city cannot write platform sources
		assertThat(send("PUT", "redacteur.brugge", "/api/v1/brugge/datapedia/bronnen/" + id + "?version=0", source)
			.status()).isEqualTo(404);
		assertThat(send("POST", "redacteur.gent", "/api/v1/kenniscentrum/datapedia/bronnen",
				Map.of("code", code, "name", "x", "supplier", "y", "detailLevel", "SECTOR", "periodicity", "ANNUAL"))
			.status()).isEqualTo(403);
		source.put("publicSource", true);
		assertThat(
				send("PUT", "redacteur.gent", "/api/v1/gent/datapedia/bronnen/" + id + "?version=0", source).status())
			.isEqualTo(200);
		assertThat(
				send("PUT", "redacteur.gent", "/api/v1/gent/datapedia/bronnen/" + id + "?version=0", source).status())
			.as("a stale version")
			.isEqualTo(409);
		assertThat(send("GET", null, "/api/v1/datapedia/bronnen/" + id, null).status()).isEqualTo(200);

		HttpResponse<byte[]> turtle = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cijfers/catalogus.ttl")).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(turtle.statusCode()).isEqualTo(200);
		String text = new String(turtle.body(), StandardCharsets.UTF_8);
		assertThat(text).contains("/datapedia/bronnen/" + id)
			.contains("datapedia-gent-" + code)
			.contains("datapedia-platform-statbel-bevolking")
			.doesNotContain("ksz-datawarehouse");
		var model = ModelFactory.createDefaultModel();
		RDFDataMgr.read(model, new ByteArrayInputStream(turtle.body()), Lang.TURTLE);
		Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph("standards/dcat-ap-3/dcat-ap-SHACL.ttl"));
		var violations = ShaclValidator.get()
			.validate(shapes, model.getGraph())
			.getEntries()
			.stream()
			.filter(e -> e.severity().equals(Severity.Violation))
			.toList();
		assertThat(violations).isEmpty();
	}

}
