package be.obmi.pirk.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import be.obmi.pirk.domain.ObjectFilter;
import be.obmi.pirk.domain.ObjectSearch;
import be.obmi.pirk.domain.RealEstate;
import be.obmi.tenancy.Tenant;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The map's data: the objects of the list's filter as a GeoJSON FeatureCollection of
 * points (an object without a location has geometry null, so the map counts what the list
 * counts), limited to a window with {@code bbox=west,south,east,north}. Written while it
 * is read; properties are short ({@code l} label, {@code c} class, {@code r} registers,
 * {@code m} months vacant, {@code s} score, {@code f} function, {@code k} kind) because a
 * city-wide map holds tens of thousands.
 */
@Controller
class MapDataController {

	private final ObjectSearch search;

	MapDataController(ObjectSearch search) {
		this.search = search;
	}

	@GetMapping("/{slug}/pirk/kaart.geojson")
	void features(Tenant tenant, @RequestParam Map<String, String> query, HttpServletResponse response)
			throws IOException {
		ObjectFilter filter = ObjectFilter.from(query);
		ObjectSearch.Window window = ObjectSearch.Window.of(query.get("bbox"));
		response.setContentType("application/geo+json;charset=UTF-8");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		StringBuilder json = new StringBuilder(1 << 16);
		json.append("{\"type\":\"FeatureCollection\",\"features\":[");
		int[] count = { 0 };
		search.forEachPoint(tenant, filter, window, ObjectSearch.MAX_OBJECTS, listed -> {
			RealEstate object = listed.object();
			json.append(count[0]++ == 0 ? "" : ",").append("{\"type\":\"Feature\",\"id\":").append(object.id());
			if (object.longitude() == null) {
				json.append(",\"geometry\":null");
			}
			else {
				json.append(",\"geometry\":{\"type\":\"Point\",\"coordinates\":[")
					.append(object.longitude())
					.append(',')
					.append(object.latitude())
					.append("]}");
			}
			json.append(",\"properties\":{\"l\":");
			string(json, listed.label());
			json.append(",\"c\":\"").append(object.vacancyClass().name()).append("\",\"r\":[");
			for (int i = 0; i < listed.registers().size(); i++) {
				json.append(i == 0 ? "\"" : ",\"").append(listed.registers().get(i)).append('"');
			}
			json.append("],\"m\":").append(listed.months()).append(",\"s\":").append(object.suspicionScore());
			json.append(",\"f\":\"").append(object.function()).append("\",\"k\":\"").append(object.kind().name());
			json.append("\"}}");
			if (json.length() > 1 << 16) {
				flush(out, json);
			}
		});
		json.append("],\"total\":").append(count[0]).append('}');
		flush(out, json);
		out.flush();
	}

	private static void flush(Writer out, StringBuilder json) {
		try {
			out.write(json.toString());
			json.setLength(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A JSON string. */
	static void string(StringBuilder json, String text) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '<' -> json.append("\\u003c");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
