package be.obmi.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, point 8: the public response cache must not keep serving retracted data under
 * another spelling of the same page. Each variant is sent over a raw socket, exactly as
 * written (no client normalises it), before and after the indicator is unpublished.
 */
@ObmiIntegrationTest
class EncodedPathCacheHostileInputIntegrationTests {

	private static final String SLUG = "turnhout";

	private static final String CODE = "turnhout_gecodeerd_pad";

	@LocalServerPort
	int port;

	@Test
	void noSpellingOfAPageServesItsDataAfterItWasUnpublished() throws IOException {
		ApiClient editor = ApiClient.as(port, "redacteur." + SLUG);
		byte[] csv = ("indicator;gebied;niveau;periode;waarde\n" + CODE + ";13040;gemeente;2024;4321\n")
			.getBytes(StandardCharsets.UTF_8);
		ApiClient.Response imported = editor.upload("/api/v1/" + SLUG + "/stats/import?createIndicators=true", "p.csv",
				csv, Map.of());
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(editor.post("/api/v1/" + SLUG + "/stats/indicators/" + CODE + "/published?value=true").status())
			.isEqualTo(200);

		String page = "/cijfers/indicator/" + CODE;
		String api = "/stats/observations?indicator=" + CODE + "&level=gemeente&period=2024";
		List<String> variants = List.of("/" + SLUG + page, "/turnh%6Fut" + page, "/%74%75%72%6e%68%6f%75%74" + page,
				"/TURNHOUT" + page, "/Turnhout" + page, "/x/../" + SLUG + page,
				"/" + SLUG + "/./cijfers/indicator/" + CODE, "//" + SLUG + page, "/" + SLUG + page + "/",
				"/" + SLUG + ";jsessionid=x" + page, "/" + SLUG + "/cijfers/indicator/" + CODE.replace("_", "%5F"),
				"/" + SLUG + page + "?", "/" + SLUG + page + "?lang=nl", "/api/v1/" + SLUG + api,
				"/api/v1/turnh%6Fut" + api, "/api/v1/TURNHOUT" + api, "/api/v1/./" + SLUG + api,
				"/api%2Fv1/" + SLUG + api);
		// warm every variant (twice, so whatever is cacheable is in the cache)
		for (int round = 0; round < 2; round++) {
			for (String variant : variants) {
				raw(variant);
			}
		}
		assertThat(raw("/" + SLUG + page)).contains("4.321");

		assertThat(editor.post("/api/v1/" + SLUG + "/stats/indicators/" + CODE + "/published?value=false").status())
			.isEqualTo(200);
		for (String variant : variants) {
			String response = raw(variant);
			assertThat(response).as(variant + " after unpublishing").doesNotContain("4.321").doesNotContain("4321");
			assertThat(response.substring(0, response.indexOf("\r\n"))).as(variant)
				.doesNotContain(" 200 ")
				.doesNotContain(" 500 ");
		}
	}

	/**
	 * Sends the request line exactly as given and reads the whole answer (headers and
	 * body).
	 */
	private String raw(String target) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html,application/json\r\n"
					+ "Connection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			return all.toString(StandardCharsets.UTF_8);
		}
	}

}
