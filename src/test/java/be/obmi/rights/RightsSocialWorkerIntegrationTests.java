package be.obmi.rights;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import be.obmi.privacy.ModuleActivities;
import be.obmi.rights.casework.CaseworkActivity;
import be.obmi.rights.casework.ClientCase;
import be.obmi.rights.casework.ClientCases;
import be.obmi.rights.usage.QuestionnaireUse;
import be.obmi.shared.NotFoundException;
import be.obmi.support.DatabaseFingerprint;
import be.obmi.support.PageSession;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Acceptance 4 of issue #18: a social worker fills the questionnaire with a client;
 * without consent no row about the client exists anywhere afterwards (checked in SQL over
 * the rights, audit and privacy schemas, the session tables and every table's text); with
 * consent the case is stored with its consent and retention date, linked to the city's
 * processing activity, reopened and deleted by its worker only, and purged when expired.
 */
@ObmiIntegrationTest
class RightsSocialWorkerIntegrationTests {

	static final String CITY = "kortrijk";

	static final String BASE = "/" + CITY + "/rechtenverkenner/hulpverlener";

	/** An income no other test or demo data uses: found anywhere, it leaked. */
	static final String MARKER = "9876543";

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClientCases cases;

	@Autowired
	ModuleActivities activities;

	@Autowired
	QuestionnaireUse use;

	@Autowired
	Tenants tenants;

	@Test
	void withoutConsentNoPersonalRowRemainsAnywhereAfterTheSession() throws SQLException {
		PageSession worker = PageSession.login(port, "hulpverlener." + CITY);
		String token = worker.csrf(BASE);
		use.flush();
		DatabaseFingerprint before = DatabaseFingerprint.of(dataSource, DatabaseFingerprint.SOURCE_DATA);
		String answers = "gebied=STAD&leeftijd=47&gezin=1&volwassenen=1&kinderen=3%2C+7&alleenstaand=ja&inkomen="
				+ MARKER + "&statuten=1&statuut=LEEFLOON&woning=PRIVATE_TENANT";
		HttpResponse<String> step = worker.post(BASE, "_csrf=" + token + "&gebied=STAD&leeftijd=47");
		assertThat(step.statusCode()).isEqualTo(200);
		HttpResponse<String> result = worker.post(BASE, "_csrf=" + token + "&" + answers + "&toon=1");
		assertThat(result.statusCode()).isEqualTo(200);
		assertThat(result.body()).contains("id=\"rights-results\"")
			.contains("id=\"casework-consent\"")
			.contains("Het dossier wordt na 90 dagen automatisch gewist");
		HttpResponse<String> refused = worker.post(BASE + "/bewaren", "_csrf=" + token + "&" + answers + "&label=X");
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"casework-consent-missing\"");
		use.flush();
		DatabaseFingerprint after = DatabaseFingerprint.of(dataSource, DatabaseFingerprint.SOURCE_DATA);

		for (String schema : List.of("rights", "audit", "privacy")) {
			assertThat(only(after, schema)).as("schema %s unchanged", schema).isEqualTo(only(before, schema));
		}
		assertThat(after.rowsOnly()
			.entrySet()
			.stream()
			.filter(e -> e.getKey().startsWith("identity."))
			.map(e -> e.getKey() + " " + e.getValue().substring(0, e.getValue().indexOf(',')))
			.toList())
			.as("no more rows in identity (sessions) than before")
			.isEqualTo(before.rowsOnly()
				.entrySet()
				.stream()
				.filter(e -> e.getKey().startsWith("identity."))
				.map(e -> e.getKey() + " " + e.getValue().substring(0, e.getValue().indexOf(',')))
				.toList());
		assertThat(tablesContaining(MARKER)).as("tables whose rows hold the client's income").isEmpty();
		assertThat(jdbc.sql("""
				select count(*) from identity.spring_session_attributes
				where position(convert_to(?, 'UTF8') in attribute_bytes) > 0""")
			.param(MARKER)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void withConsentTheCaseIsStoredWithItsRetentionLinkedToTheRegisterAndOnlyItsWorkerReopensOrDeletesIt() {
		Tenant kortrijk = tenants.require(CITY);
		PageSession worker = PageSession.login(port, "hulpverlener." + CITY);
		String token = worker.csrf(BASE);
		HttpResponse<String> stored = worker.post(BASE + "/bewaren", "_csrf=" + token
				+ "&gebied=STAD&leeftijd=35&gezin=1&volwassenen=2&kinderen=&inkomen=21000&statuten=1&woning=OWNER"
				+ "&label=D-17&toestemming=ja");
		assertThat(stored.statusCode()).isEqualTo(302);
		String location = stored.headers().firstValue("Location").orElseThrow();
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		ClientCase found = cases.require(kortrijk, "hulpverlener." + CITY, id);
		assertThat(found.label()).isEqualTo("D-17");
		assertThat(found.answers()).containsEntry("inkomen", List.of("21000"));
		assertThat(found.results()).isNotEmpty();
		assertThat(found.consentText()).contains("toestemming");
		assertThat(found.retainUntil()).isEqualTo(LocalDate.now().plusDays(90));
		assertThat(found.activityId()).isNotNull()
			.isEqualTo(activities.find(kortrijk, CaseworkActivity.KEY).orElseThrow());

		assertThat(worker.get(BASE + "/dossiers").body()).contains("D-17").contains(id.toString());
		String reopened = worker.get(BASE + "/dossiers/" + id).body();
		assertThat(reopened).contains("id=\"casework-case\"").contains("id=\"rights-results\"");
		assertThatThrownBy(() -> cases.require(kortrijk, "iemand-anders", id)).isInstanceOf(NotFoundException.class);
		assertThat(PageSession.login(port, "hulpverlener.gent").get(BASE + "/dossiers/" + id).statusCode())
			.isEqualTo(403);
		assertThat(PageSession.login(port, "beheerder." + CITY).get(BASE + "/dossiers/" + id).statusCode())
			.isEqualTo(403);
		assertThat(PageSession.login(port, "hulpverlener.gent")
			.get("/gent/rechtenverkenner/hulpverlener/dossiers/" + id)
			.statusCode()).isEqualTo(404);

		HttpResponse<String> deleted = worker.post(BASE + "/dossiers/" + id + "/verwijderen",
				"_csrf=" + worker.csrf(BASE + "/dossiers"));
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(count(id)).isZero();
	}

	@Test
	void expiredCasesAreDeletedByTheNightlyJob() {
		Tenant kortrijk = tenants.require(CITY);
		ClientCase kept = cases.store(kortrijk, "hulpverlener." + CITY, "houden", Map.of("leeftijd", List.of("30")),
				List.of(), true, "toestemming");
		ClientCase expired = cases.store(kortrijk, "hulpverlener." + CITY, "vervallen",
				Map.of("leeftijd", List.of("30")), List.of(), true, "toestemming");
		jdbc.sql(
				"update rights.client_case set retain_until = current_date - 1, consented_at = now() - interval '100 days' where public_id = ?")
			.param(expired.publicId())
			.update();
		assertThat(cases.purgeExpired()).isPositive();
		assertThat(count(expired.publicId())).isZero();
		assertThat(count(kept.publicId())).isOne();
		cases.delete(kortrijk, "hulpverlener." + CITY, kept.publicId());
	}

	private long count(UUID id) {
		return jdbc.sql("select count(*) from rights.client_case where public_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	private static Map<String, String> only(DatabaseFingerprint fingerprint, String schema) {
		Map<String, String> tables = new TreeMap<>(fingerprint.tables());
		tables.keySet().removeIf(table -> !table.startsWith(schema + "."));
		return tables;
	}

	/** Every table (all schemas) with a row whose text contains the value. */
	private List<String> tablesContaining(String value) {
		List<String> tables = jdbc.sql("""
				select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
				where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
				  and table_schema not like 'warehouse%'""").query(String.class).list();
		List<String> found = new ArrayList<>();
		for (String table : tables) {
			// the value as a number of its own, not digits inside a hash or a UUID
			long rows = jdbc.sql("select count(*) from " + table + " t where t::text ~ ?")
				.param("(^|[^0-9a-fA-F])" + value + "([^0-9a-fA-F]|$)")
				.query(Long.class)
				.single();
			if (rows > 0) {
				found.add(table);
			}
		}
		return found;
	}

}
