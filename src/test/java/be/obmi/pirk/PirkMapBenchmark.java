package be.obmi.pirk;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not part of {@code ./mvnw verify} (the name does not end in Tests). See
 * bench/pirk/README.md: fills a city of its own (Duffel, 12009) with
 * {@code bench.objects} (50,000) objects spread over 7 × 7 km, every fifth in a register,
 * a class and a duration as the screening leaves them, then times the map's data
 * ({@code /{slug}/pirk/kaart.geojson}) over HTTP for the whole city, for a zoomed window
 * of about 700 × 700 m, and for a filter; also the overview page, which counts and lists
 * the same filter. Prints a table for bench/RESULTS.md.
 */
@ObmiIntegrationTest
class PirkMapBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Test
	void mapOfFiftyThousandObjects() {
		int count = Integer.getInteger("bench.objects", 50_000);
		Tenant city = tenants.bySlug("duffel").orElseGet(() -> tenants.add("12009", null));
		long start = System.nanoTime();
		jdbc.sql("""
				insert into pirk.real_estate (tenant_id, kind, street, house_number, postcode, municipality, function,
				    geometry, bbox, longitude, latitude, vacancy_class, vacant_since, suspicion_score)
				select ?, (array['BUILDING','BUILDING_UNIT','PARCEL','SITE'])[1 + i % 4], 'Benchstraat ' || (i / 200),
				    (i % 200)::text, '2570', 'Duffel', (array['WONEN','HANDEL','BEDRIJF','GROND'])[1 + i % 4],
				    jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(x, y)),
				    box(point(x, y), point(x, y)), x, y,
				    (array['NONE','SUSPECTED','ADMINISTRATIVE','VERIFIED','PARTLY_VACANT','DISMISSED'])[1 + i % 6],
				    case when i % 6 in (1, 2, 3, 4) then current_date - (i % 60) * 30 end, i % 100
				from (select i, 4.44 + random() * 0.1 as x, 51.06 + random() * 0.063 as y
				      from generate_series(1, ?) i) g""").params(city.id(), count).update();
		long batch = jdbc
			.sql("""
					insert into pirk.import_batch (tenant_id, register, source, extract_date, file_name, format, crs,
					    row_count, created_count, changed_count, unchanged_count, queued_count, imported_by)
					values (?, 'LEEGSTAND_WONINGEN', 'bench', current_date, 'bench.csv', 'csv', 'NONE', 0, 0, 0, 0, 0, 'bench')
					returning id""")
			.param(city.id())
			.query(Long.class)
			.single();
		jdbc.sql("""
				insert into pirk.register_entry (tenant_id, register, source_key, current_version, batch_id, object_id,
				    match_method, match_quality, content_hash)
				select tenant_id, 'LEEGSTAND_WONINGEN', 'B-' || id, 1, ?, id, 'BUILDING', 100, 'x'
				from pirk.real_estate where tenant_id = ? and id % 5 = 0""").params(batch, city.id()).update();
		jdbc.sql("analyze pirk.real_estate").update();
		jdbc.sql("analyze pirk.register_entry").update();
		System.out.printf("filled %,d objects in %d ms%n", count, (System.nanoTime() - start) / 1_000_000);

		PageSession session = PageSession.login(port, "platformbeheerder");
		String base = "/" + city.slug() + "/pirk";
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("map data, whole city", base + "/kaart.geojson");
		cases.put("map data, zoomed window (~700 x 700 m)", base + "/kaart.geojson?bbox=4.485,51.085,4.495,51.0913");
		cases.put("map data, filter klasse=VERIFIED&register=LEEGSTAND_WONINGEN",
				base + "/kaart.geojson?klasse=VERIFIED&register=LEEGSTAND_WONINGEN");
		cases.put("overview page (count + first 250 rows)", base);
		System.out.println("| request | warm-up | runs | min ms | median ms | p95 ms | max ms | features | size |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		for (Map.Entry<String, String> c : cases.entrySet()) {
			for (int i = 0; i < 3; i++) {
				assertThat(session.get(c.getValue()).statusCode()).isEqualTo(200);
			}
			List<Long> times = new ArrayList<>();
			HttpResponse<String> last = null;
			for (int i = 0; i < 20; i++) {
				long t = System.nanoTime();
				last = session.get(c.getValue());
				times.add((System.nanoTime() - t) / 1_000_000);
			}
			Collections.sort(times);
			String body = last.body();
			int features = body.startsWith("{") ? body.split("\"type\":\"Feature\"", -1).length - 1 : -1;
			System.out.printf("| %s | 3 | 20 | %d | %d | %d | %d | %s | %,d kB |%n", c.getKey(), times.get(0),
					times.get(10), times.get(18), times.get(19), features < 0 ? "–" : String.format("%,d", features),
					body.length() / 1024);
		}
	}

}
