package be.obmi.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * Issue 11, point 6: 300 clients ask for a large export (about 15 MB of CSV) and never
 * read a byte of it. Meanwhile the health endpoint and a public page each answer within a
 * second, because heavy exports are capped per address and globally (the clients beyond
 * the cap get 429 at once) and stalled writes time out.
 */
@ObmiIntegrationTest
class StalledReadersIntegrationTests {

	static final String CODE = "traag_groot";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("heavyExportLimit")
	FilterRegistrationBean<HeavyExportLimit> heavyExports;

	@Test
	void threeHundredStalledReadersOfLargeExportsDoNotStopTheSite() throws Exception {
		ApiClient admin = ApiClient.as(port, "platformbeheerder");
		ApiClient.Response created = admin.upload("/api/v1/platform/stats/import?createIndicators=true", "s.csv",
				("indicator;gebied;niveau;periode;waarde\n" + CODE + ";44021;gemeente;2024;1\n")
					.getBytes(StandardCharsets.UTF_8),
				Map.of());
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		jdbc.sql(
				"""
						insert into stats.observation (tenant_id, indicator_id, area_id, period, breakdown, value, import_id)
						select null, i.id, a.id, (1000 + g)::text, '', g, o.import_id
						from stats.indicator i join stats.observation o on o.indicator_id = i.id
						cross join stats.area a cross join generate_series(0, 999) g
						where i.code = ? and i.tenant_id is null and a.level = 'gemeente' and not (a.code = '44021' and g = 1024)
						on conflict do nothing""")
			.param(CODE)
			.update();
		// as an import does after writing: fresh planner statistics for the 300,000 new
		// rows
		jdbc.sql("analyze stats.observation").update();
		assertThat(admin.post("/api/v1/platform/stats/indicators/" + CODE + "/published?value=true").status())
			.isEqualTo(200);
		String export = "/api/v1/platform/stats/indicators/" + CODE + "/data?format=csv";

		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		for (String path : List.of("/gent/cijfers", "/gent")) {
			// rendered once before (a first render after start-up takes longer on its
			// own)
			http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.discarding());
		}
		List<Socket> stalled = new ArrayList<>();
		try {
			for (int i = 0; i < 300; i++) {
				// from 30 addresses of the loopback range (not configured proxies: each
				// is its own client address)
				Socket socket = new Socket();
				socket.setReceiveBufferSize(1024);
				socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.1." + (1 + i % 30)), 0));
				socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
				socket.getOutputStream()
					.write(("GET " + export + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
						.getBytes(StandardCharsets.ISO_8859_1));
				socket.getOutputStream().flush();
				stalled.add(socket);
			}
			Thread.sleep(2_000);
			for (String path : List.of("/actuator/health", "/gent/cijfers", "/actuator/health", "/gent")) {
				long started = System.nanoTime();
				HttpResponse<String> answer = http
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
						.timeout(Duration.ofSeconds(30))
						.build(), HttpResponse.BodyHandlers.ofString());
				long millis = (System.nanoTime() - started) / 1_000_000;
				assertThat(answer.statusCode()).isEqualTo(200);
				assertThat(millis).as(path + " answered in " + millis + " ms beside 300 stalled readers")
					.isLessThan(1_000);
			}
			// most stalled clients were turned away at once with 429 (their short answer
			// is already in their buffer)
			int refused = 0;
			for (Socket socket : stalled) {
				socket.setSoTimeout(50);
				byte[] head = new byte[12];
				try {
					InputStream in = socket.getInputStream();
					int read = in.readNBytes(head, 0, 12);
					if (read == 12 && new String(head, StandardCharsets.ISO_8859_1).endsWith("429")) {
						refused++;
					}
				}
				catch (IOException timeout) {
					// a stalled export: nothing to read in time is fine
				}
			}
			assertThat(refused).as("clients beyond the caps get 429").isGreaterThanOrEqualTo(300 - 8);
		}
		finally {
			for (Socket socket : stalled) {
				socket.close();
			}
			// the stalled exports notice the closed sockets; the next tests of this
			// shared application get every slot
			long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			while (heavyExports.getFilter().running() > 0 && System.nanoTime() < deadline) {
				Thread.sleep(200);
			}
			StringBuilder dump = new StringBuilder();
			Thread.getAllStackTraces().forEach((thread, stack) -> {
				if (thread.getName().contains("exec")
						&& Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("be.obmi"))) {
					dump.append(thread.getName()).append('\n');
					Arrays.stream(stack)
						.filter(f -> f.getClassName().startsWith("be.obmi"))
						.limit(12)
						.forEach(f -> dump.append("  ").append(f).append('\n'));
				}
			});
			assertThat(heavyExports.getFilter().running()).as("heavy exports still running\n" + dump).isZero();
		}
	}

}
