package be.obmi.privacy.importing;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import be.obmi.privacy.domain.ActivityContent;
import be.obmi.privacy.domain.RegisterActivity;
import be.obmi.privacy.domain.RegisterReading;
import be.obmi.privacy.domain.RegisterVersion;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register in the shape of the draft Processing Activities Register API of the Dutch
 * Logboek Dataverwerkingen standard (v0.1, {@code rvva-openapi.json}): each
 * {@code ProcessingActivity} ({@code id}, {@code active}, {@code latestVersion}) with its
 * {@code ProcessingActivityVersion}s ({@code version}, {@code validFrom}, {@code name},
 * {@code purpose}, {@code legalBasis} as DPV names, {@code dataSubjects},
 * {@code personalData}, {@code recipients}, {@code measures}), and the {@code entities}
 * (the controller). Deviations are listed in docs/formats/privacy-register.md.
 */
@Service
public class RegisterApiJson {

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	/** GDPR art. 6(1) bases as the DPV legal-basis names the API enumerates. */
	static final Map<String, String> DPV_BASES = Map.of("A6-1-a", "Consent", "A6-1-b", "Contract", "A6-1-c",
			"LegalObligation", "A6-1-d", "VitalInterest", "A6-1-e", "PublicInterest", "A6-1-f", "LegitimateInterest");

	private final RegisterReading reading;

	private final JsonMapper json;

	RegisterApiJson(RegisterReading reading, JsonMapper json) {
		this.reading = reading;
		this.json = json;
	}

	@Transactional(readOnly = true)
	public byte[] render(Tenant tenant) {
		Map<UUID, List<RegisterVersion>> versions = reading.versions(tenant)
			.stream()
			.collect(Collectors.groupingBy(RegisterVersion::publicId, LinkedHashMap::new, Collectors.toList()));
		UUID controller = UUID.nameUUIDFromBytes(("obmi:tenant:" + tenant.slug()).getBytes(StandardCharsets.UTF_8));
		List<Map<String, Object>> activities = new ArrayList<>();
		for (RegisterActivity activity : reading.all(tenant)) {
			Map<String, Object> node = new LinkedHashMap<>();
			node.put("id", activity.publicId().toString());
			node.put("active", activity.published() && "CHECKED".equals(activity.state()));
			node.put("latestVersion", activity.currentVersion());
			node.put("versions",
					versions.getOrDefault(activity.publicId(), List.of())
						.stream()
						.map(v -> version(v, controller))
						.toList());
			activities.add(node);
		}
		Map<String, Object> entity = new LinkedHashMap<>();
		entity.put("type", "Organisation");
		entity.put("id", controller.toString());
		entity.put("name", tenant.name());
		entity.put("country", "BE");
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("processingActivities", activities);
		root.put("entities", List.of(entity));
		return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
	}

	private static Map<String, Object> version(RegisterVersion v, UUID controller) {
		// the controller is the one entity; recipients are named, the API's entityId
		// needs a register of them
		ActivityContent c = v.content();
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("version", v.number());
		node.put("validFrom", v.validFrom().atStartOfDay(BRUSSELS).toOffsetDateTime().toString());
		node.put("name", c.name());
		node.put("purpose", c.purpose());
		node.put("legalBasis", c.legalBases().stream().map(b -> DPV_BASES.getOrDefault(b, b)).toList());
		node.put("legalBasisGdpr", c.legalBases());
		node.put("dataSubjects", c.dataSubjects());
		Map<String, Object> personalData = new LinkedHashMap<>();
		personalData.put("categories", c.dataCategories().stream().map(ActivityContent.DataCategory::name).toList());
		personalData.put("retentionPeriod", c.retention());
		node.put("personalData", personalData);
		List<Map<String, Object>> recipients = new ArrayList<>();
		c.recipients()
			.stream()
			.filter(r -> r != null)
			.forEach(r -> recipients.add(Map.of("legalRole", "ThirdParty", "name", r)));
		node.put("recipients", recipients);
		node.put("controller", controller.toString());
		node.put("measures",
				c.securityMeasures().stream().filter(m -> m != null).map(m -> Map.of("measure", m)).toList());
		return node;
	}

}
