package be.obmi.privacy;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.obmi.privacy.domain.PrivacyTemplates;
import be.obmi.privacy.domain.ProcessingActivities;
import be.obmi.privacy.domain.ProcessingActivities.Activity;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 2: the Kenniscentrum publishes v1 of an activity template, Gent adopts it (a
 * draft copy remembering template and version), v2 changes the retention period, Gent's
 * diff shows exactly that field with its own value beside it; accepting makes a new
 * version of the activity with the new retention and template version 2, rejecting keeps
 * the city's value.
 */
@ObmiIntegrationTest
class PrivacyTemplateIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PrivacyTemplates templates;

	@Autowired
	ProcessingActivities activities;

	@Autowired
	Tenants tenants;

	Map<String, String> template(String code, String retention) {
		Map<String, String> form = new LinkedHashMap<>(
				PrivacyHttp.completeForm("Sjabloon " + code, "Doel uit het sjabloon", retention, 0));
		form.remove("version");
		form.remove("organisationId");
		form.put("kind", "ACTIVITY");
		form.put("code", code);
		form.put("title", "Testsjabloon " + code);
		return form;
	}

	UUID adopt(PrivacyHttp gent, long templateId) {
		HttpResponse<String> adopted = gent.post("/gent/privacy/sjablonen/" + templateId + "/overnemen", Map.of());
		assertThat(adopted.statusCode()).isEqualTo(302);
		String location = adopted.headers().firstValue("Location").orElseThrow();
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	@Test
	void gentAdoptsV1SeesOnlyTheRetentionOfV2AndAcceptsOrRejectsIt() {
		String code = "test-" + UUID.randomUUID().toString().substring(0, 8);
		PrivacyHttp kenniscentrum = PrivacyHttp.as(port, "kenniscentrum", "/kenniscentrum/privacy/sjablonen");
		assertThat(kenniscentrum.post("/kenniscentrum/privacy/sjablonen", template(code, "5 jaar")).statusCode())
			.isEqualTo(302);
		PrivacyTemplates.Template v1 = templates.byCode(code).orElseThrow();
		assertThat(v1.latest()).isEqualTo(1);

		PrivacyHttp gent = PrivacyHttp.as(port, "redacteur.gent", "/gent/privacy");
		assertThat(gent.get("/gent/privacy/sjablonen").body()).contains("Testsjabloon " + code);
		UUID accepting = adopt(gent, v1.id());
		UUID rejecting = adopt(gent, v1.id());
		Tenant tenant = tenants.require("gent");
		Activity adopted = activities.require(tenant, accepting);
		assertThat(adopted.templateId()).isEqualTo(v1.id());
		assertThat(adopted.templateVersion()).isEqualTo(1);
		assertThat(adopted.state().name()).isEqualTo("DRAFT");
		assertThat(adopted.content().retention()).isEqualTo("5 jaar");
		assertThat(templates.update(tenant, accepting)).isEmpty();

		// the city changes its copy: a copy, not a link
		gent.post("/gent/privacy/verwerkingen/" + rejecting, PrivacyHttp.completeForm("Sjabloon " + code,
				"Doel van Gent", "7 jaar", activities.require(tenant, rejecting).version()));

		assertThat(kenniscentrum.post("/kenniscentrum/privacy/sjablonen", template(code, "3 jaar")).statusCode())
			.isEqualTo(302);
		assertThat(templates.byCode(code).orElseThrow().latest()).isEqualTo(2);
		assertThat(templates.version(v1.id(), 1).content()).contains("5 jaar");

		PrivacyTemplates.TemplateUpdate update = templates.update(tenant, accepting).orElseThrow();
		assertThat(update.fields()).extracting(PrivacyTemplates.FieldUpdate::field).containsExactly("retention");
		assertThat(update.fields().getFirst().templateBefore()).isEqualTo("5 jaar");
		assertThat(update.fields().getFirst().templateAfter()).isEqualTo("3 jaar");
		String page = gent.get("/gent/privacy/sjablonen/verwerkingen/" + accepting).body();
		assertThat(page).contains("diff-retention", "3 jaar").doesNotContain("diff-purpose");
		PrivacyTemplates.TemplateUpdate other = templates.update(tenant, rejecting).orElseThrow();
		assertThat(other.fields()).extracting(PrivacyTemplates.FieldUpdate::field).containsExactly("retention");
		assertThat(other.fields().getFirst().current()).isEqualTo("7 jaar");

		Activity before = activities.require(tenant, accepting);
		assertThat(gent
			.post("/gent/privacy/sjablonen/verwerkingen/" + accepting,
					Map.of("field", "retention", "accept", "true", "version", String.valueOf(before.version())))
			.statusCode()).isEqualTo(302);
		Activity accepted = activities.require(tenant, accepting);
		assertThat(accepted.content().retention()).isEqualTo("3 jaar");
		assertThat(accepted.currentVersion()).isEqualTo(before.currentVersion() + 1);
		assertThat(accepted.templateVersion()).isEqualTo(2);
		assertThat(templates.update(tenant, accepting)).isEmpty();
		assertThat(activities.version(tenant, accepting, 1).content().retention()).isEqualTo("5 jaar");

		Activity keep = activities.require(tenant, rejecting);
		assertThat(gent
			.post("/gent/privacy/sjablonen/verwerkingen/" + rejecting,
					Map.of("field", "retention", "accept", "false", "version", String.valueOf(keep.version())))
			.statusCode()).isEqualTo(302);
		Activity rejected = activities.require(tenant, rejecting);
		assertThat(rejected.content().retention()).isEqualTo("7 jaar");
		assertThat(rejected.currentVersion()).isEqualTo(keep.currentVersion());
		assertThat(rejected.templateVersion()).isEqualTo(2);

		// deciding again is refused
		assertThat(
				gent.post("/gent/privacy/sjablonen/verwerkingen/" + rejecting,
						Map.of("field", "retention", "accept", "true", "version",
								String.valueOf(activities.require(tenant, rejecting).version())))
					.statusCode())
			.isEqualTo(409);
	}

	@Test
	void onlyTheKenniscentrumPublishesAndAPublishedVersionNeverChanges() {
		String code = "test-" + UUID.randomUUID().toString().substring(0, 8);
		PrivacyHttp redacteur = PrivacyHttp.as(port, "redacteur.gent", "/gent/privacy");
		assertThat(redacteur.post("/kenniscentrum/privacy/sjablonen", template(code, "5 jaar")).statusCode())
			.isEqualTo(403);
		assertThat(templates.byCode(code)).isEmpty();
		PrivacyHttp kenniscentrum = PrivacyHttp.as(port, "kenniscentrum", "/kenniscentrum/privacy/sjablonen");
		Map<String, String> dpia = new LinkedHashMap<>();
		dpia.put("kind", "DPIA");
		dpia.put("code", code);
		dpia.put("title", "DPIA-model " + code);
		dpia.put("contentJson", "{\"criteria\":[\"cameratoezicht\"],\"schaal\":4}");
		assertThat(kenniscentrum.post("/kenniscentrum/privacy/sjablonen", dpia).statusCode()).isEqualTo(302);
		dpia.put("contentJson", "{\"criteria\":[\"cameratoezicht\",\"profilering\"],\"schaal\":4}");
		kenniscentrum.post("/kenniscentrum/privacy/sjablonen", dpia);
		PrivacyTemplates.Template template = templates.byCode(code).orElseThrow();
		List<PrivacyTemplates.TemplateVersion> versions = templates.versions(template.id());
		assertThat(versions).hasSize(2);
		assertThat(versions.getLast().content()).doesNotContain("profilering");
		dpia.put("contentJson", "geen json");
		assertThat(kenniscentrum.post("/kenniscentrum/privacy/sjablonen", dpia).statusCode()).isEqualTo(400);
		// a DPIA model is not adopted as an activity
		assertThat(redacteur.post("/gent/privacy/sjablonen/" + template.id() + "/overnemen", Map.of()).statusCode())
			.isEqualTo(400);
	}

	@Test
	void theDemoHasTheSmartCityAndNewsletterTemplatesAndGentHasAPendingRetentionChange() {
		assertThat(templates.byCode("slimme-stad-camera-sensoren")).isPresent();
		PrivacyTemplates.Template newsletter = templates.byCode("nieuwsbrief-abonnees").orElseThrow();
		assertThat(newsletter.latest()).isGreaterThanOrEqualTo(2);
		Tenant gent = tenants.require("gent");
		Activity adopted = templates.adopted(gent)
			.stream()
			.filter(a -> newsletter.id() == a.templateId() && a.demo())
			.findFirst()
			.orElseThrow();
		assertThat(templates.update(gent, adopted.publicId()).orElseThrow().fields())
			.extracting(PrivacyTemplates.FieldUpdate::field)
			.containsExactly("retention");
	}

}
