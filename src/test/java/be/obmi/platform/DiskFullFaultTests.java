package be.obmi.platform;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database refuses a write halfway through an import: a test-only trigger raises
 * PostgreSQL's own error after a number of rows, {@code disk_full} (SQLSTATE 53100, what
 * a full disk gives) or {@code read_only_sql_transaction} (25006, a server switched to
 * read-only). The import answers 503 with {@code Retry-After} and a clear Dutch message,
 * nothing is half-written (every count is the same as before), and once the database can
 * write again the same file imports completely. In Genk.
 */
@ObmiIntegrationTest
class DiskFullFaultTests {

	static final String SLUG = "genk";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void removeFault() {
		jdbc.sql("drop trigger if exists obmi_fault on stats.observation").update();
		jdbc.sql("drop trigger if exists obmi_fault on stats.import_batch").update();
		jdbc.sql("drop trigger if exists obmi_fault on plan.plan_item").update();
		jdbc.sql("drop function if exists public.obmi_fault()").update();
		jdbc.sql("drop sequence if exists public.obmi_fault_rows").update();
	}

	/**
	 * From the {@code rows}th row inserted into {@code table} for Genk on, the database
	 * fails with {@code sqlState}.
	 */
	private void failWrites(String table, int rows, String sqlState) {
		jdbc.sql("create sequence public.obmi_fault_rows").update();
		jdbc.sql(
				"""
						create function public.obmi_fault() returns trigger language plpgsql as $$
						begin
						  if nextval('public.obmi_fault_rows') >= tg_argv[0]::bigint then
						    raise exception 'could not extend file "base/5/16400": No space left on device' using errcode = tg_argv[1];
						  end if;
						  return new;
						end $$""")
			.update();
		jdbc.sql("create trigger obmi_fault before insert on " + table + " for each row when (new.tenant_id = "
				+ tenantId() + ") execute function public.obmi_fault('" + rows + "', '" + sqlState + "')")
			.update();
	}

	@Test
	void aFullDiskHalfwayThroughAStatisticsImportChangesNothing() {
		byte[] file = statsFile("schijf_vol");
		Map<String, Long> before = statsCounts();
		failWrites("stats.observation", 1500, "53100");

		ApiClient.Response refused = ApiClient.as(port, "redacteur." + SLUG)
			.upload("/api/v1/" + SLUG + "/stats/import?createIndicators=true", "vol.csv", file, Map.of());

		assertThat(refused.status()).as(refused.body()).isEqualTo(503);
		assertThat(refused.json().get("message").asString()).contains("schijf vol", "er is niets gewijzigd");
		assertThat(refused.body()).doesNotContain("Exception", "No space left", "base/5");
		assertThat(jdbc.sql("select last_value from public.obmi_fault_rows").query(Long.class).single())
			.as("the failure came after rows had been written")
			.isGreaterThanOrEqualTo(1500);
		assertThat(statsCounts()).as("nothing half-written").isEqualTo(before);

		removeFault();
		ApiClient.Response again = ApiClient.as(port, "redacteur." + SLUG)
			.upload("/api/v1/" + SLUG + "/stats/import?createIndicators=true", "vol.csv", file, Map.of());
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("inserted").asLong()).isEqualTo(3000);
	}

	@Test
	void aReadOnlyDatabaseRefusesAStatisticsImportWithAClearMessage() {
		byte[] file = statsFile("alleen_lezen");
		Map<String, Long> before = statsCounts();
		failWrites("stats.import_batch", 1, "25006");

		ApiClient.Response refused = ApiClient.as(port, "redacteur." + SLUG)
			.upload("/api/v1/" + SLUG + "/stats/import?createIndicators=true", "lezen.csv", file, Map.of());

		assertThat(refused.status()).as(refused.body()).isEqualTo(503);
		assertThat(refused.json().get("message").asString()).contains("alleen-lezen", "er is niets gewijzigd");
		assertThat(statsCounts()).isEqualTo(before);
	}

	@Test
	void aFullDiskHalfwayThroughAPlanImportChangesNothingOnTheApiAndOnTheImportPage() throws Exception {
		StringBuilder csv = new StringBuilder(
				"code;type;bovenliggende_code;titel;omschrijving;prioritair;beleidsveld;politiek_verantwoordelijke;ambtelijk_verantwoordelijke;startdatum;einddatum\n");
		csv.append("VOLBD;BD;;Schijf vol;;nee;0200;;;;\nVOLAP;AP;VOLBD;Actieplan;;nee;0200;;;;\n");
		for (int i = 0; i < 200; i++) {
			csv.append("VOLAC").append(i).append(";AC;VOLAP;Actie ").append(i).append(";;nee;0200;;;;\n");
		}
		byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
		Map<String, Long> before = planCounts();
		failWrites("plan.plan_item", 100, "53100");

		ApiClient.Response refused = ApiClient.as(port, "redacteur." + SLUG)
			.upload("/api/v1/" + SLUG + "/plan/import", "plan.csv", file, Map.of());
		assertThat(refused.status()).as(refused.body()).isEqualTo(503);
		assertThat(refused.json().get("message").asString()).contains("schijf vol", "er is niets gewijzigd");
		assertThat(planCounts()).isEqualTo(before);

		// the same through the import page in a browser session: the error page says what
		// happened, in Dutch
		var session = PageSession.login(port, "redacteur." + SLUG);
		String token = session.csrf("/" + SLUG + "/plan/import");
		var page = session.upload("/" + SLUG + "/plan/import?kind=plan&_csrf=" + token, "plan.csv", file);
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body()).contains("schijf vol", "er is niets gewijzigd", "<main").doesNotContain("Exception");
		assertThat(planCounts()).isEqualTo(before);

		removeFault();
		ApiClient.Response again = ApiClient.as(port, "redacteur." + SLUG)
			.upload("/api/v1/" + SLUG + "/plan/import", "plan.csv", file, Map.of());
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("created").asInt()).isEqualTo(202);
	}

	private long tenantId() {
		return jdbc.sql("select id from tenancy.tenant where slug = ?").param(SLUG).query(Long.class).single();
	}

	/** 6 indicators × 50 sectors of Genk × 10 years. */
	private byte[] statsFile(String prefix) {
		List<String> sectors = jdbc.sql("""
				select distinct a.code from stats.area a join tenancy.tenant t on a.code like t.nis_code || '%'
				where t.slug = ? and a.level = 'statsec' order by a.code limit 50""")
			.param(SLUG)
			.query(String.class)
			.list();
		assertThat(sectors).hasSize(50);
		StringBuilder csv = new StringBuilder("indicator;gebied;niveau;periode;waarde\n");
		for (int i = 0; i < 6; i++) {
			for (String sector : sectors) {
				for (int year = 2015; year < 2025; year++) {
					csv.append(prefix)
						.append('_')
						.append(i)
						.append(';')
						.append(sector)
						.append(";statsec;")
						.append(year)
						.append(';')
						.append(year % 97 + i)
						.append('\n');
				}
			}
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private Map<String, Long> statsCounts() {
		long tenant = tenantId();
		return Map.of("observations", count("select count(*) from stats.observation where tenant_id = ?", tenant),
				"imports", count("select count(*) from stats.import_batch where tenant_id = ?", tenant), "indicators",
				count("select count(*) from stats.indicator where tenant_id = ?", tenant), "audit",
				count("select count(*) from audit.audit_event where tenant_id = ?", tenant));
	}

	private Map<String, Long> planCounts() {
		long tenant = tenantId();
		return Map
			.of("items", count("select count(*) from plan.plan_item where tenant_id = ?", tenant), "versions", count(
					"select count(*) from plan.plan_version v join plan.plan p on p.id = v.plan_id where p.tenant_id = ?",
					tenant), "audit", count("select count(*) from audit.audit_event where tenant_id = ?", tenant));
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
