package be.obmi.pirk.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstateDraft;
import be.obmi.pirk.domain.RealEstateKind;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.domain.RegisterType;
import be.obmi.pirk.importing.RegisterImports;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PIRK's demo inventory for Mechelen and Leuven (only with {@code obmi.demo.enabled}),
 * all marked demo: the objects of {@code pirk/demo/<slug>/objecten.geojson} through
 * {@link RealEstates} (with a vacancy class, start and score as the screening would have
 * left them), then a register extract per register type in the documented formats
 * (docs/formats/pirk-register-entries.md: CSV in WGS84 and in Lambert 72, GeoJSON points
 * and Lambert 72 polygons) through {@link RegisterImports}, so the entries are matched by
 * identifier, address and location and two land in the work queue.
 */
@Component
class PirkDemoData implements ApplicationModuleInitializer {

	static final List<String> CITIES = List.of("mechelen", "leuven");

	static final LocalDate EXTRACT = LocalDate.of(2026, 10, 1);

	private static final Logger log = LoggerFactory.getLogger(PirkDemoData.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Tenants tenants;

	private final RealEstates objects;

	private final RegisterImports imports;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final boolean enabled;

	PirkDemoData(Tenants tenants, RealEstates objects, RegisterImports imports, JdbcClient jdbc,
			TransactionTemplate transaction, @Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.tenants = tenants;
		this.objects = objects;
		this.imports = imports;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.enabled = enabled;
	}

	@Override
	public void initialize() {
		if (!enabled) {
			return;
		}
		for (String slug : CITIES) {
			Tenant tenant = tenants.bySlug(slug).orElse(null);
			if (tenant == null || hasDemo(tenant)) {
				continue;
			}
			transaction.executeWithoutResult(status -> load(tenant));
			log.info("PIRK demo inventory made for {}", slug);
		}
	}

	private boolean hasDemo(Tenant tenant) {
		return jdbc.sql("select exists (select 1 from pirk.real_estate where tenant_id = ? and demo)")
			.param(tenant.id())
			.query(Boolean.class)
			.single();
	}

	private void load(Tenant tenant) {
		String folder = "pirk/demo/" + tenant.slug() + "/";
		for (JsonNode feature : read(folder + "objecten.geojson").path("features")) {
			JsonNode p = feature.path("properties");
			RealEstate object = objects.create(tenant,
					new RealEstateDraft(RealEstateKind.valueOf(p.path("kind").asString()), null, text(p, "adres_id"),
							text(p, "gebouw_id"), null, text(p, "capakey"),
							new RealEstate.Address(text(p, "street"), text(p, "huisnummer"), text(p, "bus"),
									text(p, "postcode"), text(p, "gemeente")),
							text(p, "function"), JSON.writeValueAsString(feature.path("geometry")), true));
			String since = text(p, "sinds");
			jdbc.sql(
					"update pirk.real_estate set vacancy_class = ?, vacant_since = ?, suspicion_score = ? where id = ?")
				.params(p.path("klasse").asString("NONE"), since == null ? null : LocalDate.parse(since),
						p.path("score").asInt(0), object.id())
				.update();
		}
		for (RegisterType register : RegisterType.values()) {
			String name = register.name().toLowerCase(Locale.ROOT);
			for (String extension : List.of(".csv", ".geojson")) {
				ClassPathResource file = new ClassPathResource(folder + name + extension);
				if (file.exists()) {
					imports.importFile(
							tenant, register, register == RegisterType.SUSPICION
									? "Stad " + tenant.name() + ", dienst wonen" : "Wonen in Vlaanderen",
							EXTRACT, name + extension, bytes(file), true);
				}
			}
		}
	}

	private static String text(JsonNode properties, String name) {
		JsonNode value = properties.get(name);
		return value == null || value.isNull() ? null : value.asString();
	}

	private static JsonNode read(String location) {
		return JSON.readTree(bytes(new ClassPathResource(location)));
	}

	private static byte[] bytes(ClassPathResource file) {
		try (InputStream in = file.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
