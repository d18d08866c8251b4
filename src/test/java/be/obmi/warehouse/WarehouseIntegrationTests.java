package be.obmi.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.UserAccounts;
import be.obmi.support.ObmiIntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import be.obmi.support.ApiClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.Assertions;
import org.assertj.core.data.Offset;
import org.springframework.core.env.Environment;

/**
 * The warehouse against the real database with the demo data of every module: it builds,
 * answers the queries documented in docs/warehouse.md, is swapped in atomically under
 * concurrent reads, survives a failed build, is kept current by finance events, gives BI
 * roles only their tenant's rows, and feeds the impact pages.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarehouseIntegrationTests {

	@Autowired
	WarehouseRebuild rebuild;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@BeforeAll
	void build() {
		WarehouseRebuild.Result result = rebuild.rebuild("test");
		assertThat(result.succeeded()).as(result.message()).isTrue();
	}

	@Test
	void everyTableIsFilledFromTheModulesDemoData() {
		Map<String, Long> counts = rebuild.rebuild("test").rowCounts();
		assertThat(counts.keySet()).containsAll(WarehouseRebuild.TABLES);
		for (String table : List.of("dim_tenant", "dim_time", "dim_area", "dim_plan_item", "dim_indicator",
				"dim_policy_field", "dim_account", "fact_finance", "fact_status_update", "fact_measurement",
				"fact_observation")) {
			assertThat(counts.get(table)).as(table).isPositive();
		}
		assertThat(counts.get("dim_tenant")).isGreaterThanOrEqualTo(14);
		BigDecimalPair totals = totals("mechelen");
		assertThat(totals.warehouse()).isEqualByComparingTo(totals.source());
	}

	record BigDecimalPair(BigDecimal warehouse, BigDecimal source) {
	}

	private BigDecimalPair totals(String slug) {
		return new BigDecimalPair(jdbc.sql(
				"select coalesce(sum(estimate), 0) from warehouse.fact_finance f join warehouse.dim_tenant t on t.tenant_key = f.tenant_key where t.slug = ?")
			.param(slug)
			.query(BigDecimal.class)
			.single(),
				jdbc.sql(
						"select coalesce(sum(estimate), 0) from finance.current_line l join tenancy.tenant t on t.id = l.tenant_id where t.slug = ?")
					.param(slug)
					.query(BigDecimal.class)
					.single());
	}

	@Test
	void ratiosAreRecomputedAsRatioOfSums() {
		List<Map<String, Object>> rows = jdbc
			.sql("""
					select r.value as ratio, n.value as numerator, d.value as denominator
					from warehouse.fact_observation r
					join warehouse.dim_indicator ri on ri.indicator_key = r.indicator_key and ri.code = 'werkzoekenden_pct'
					join warehouse.dim_area a on a.area_key = r.area_key and a.level = 'gemeente' and a.code = '12025'
					join warehouse.dim_indicator ni on ni.source = 'stats' and ni.code = 'werkzoekenden' and ni.tenant_key is null
					join warehouse.fact_observation n on n.indicator_key = ni.indicator_key and n.area_key = r.area_key and n.time_key = r.time_key and n.breakdown = r.breakdown
					join stats.indicator si on si.code = 'werkzoekenden_pct' and si.tenant_id is null
					join warehouse.dim_indicator di on di.source = 'stats' and di.source_id = si.denominator_id
					join warehouse.fact_observation d on d.indicator_key = di.indicator_key and d.area_key = r.area_key and d.time_key = r.time_key and d.breakdown = r.breakdown
					where r.period = '2024' and r.breakdown = ''""")
			.query()
			.listOfRows();
		assertThat(rows).isNotEmpty();
		for (Map<String, Object> row : rows) {
			double expected = ((Number) row.get("numerator")).doubleValue()
					/ ((Number) row.get("denominator")).doubleValue() * 100;
			assertThat(((Number) row.get("ratio")).doubleValue()).isCloseTo(expected, Offset.offset(1e-9));
		}
	}

	@Test
	void theDocumentedExampleQueriesAnswer() throws Exception {
		String doc = Files.readString(Path.of("docs/warehouse.md"));
		Matcher blocks = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(doc);
		List<String> queries = new ArrayList<>();
		while (blocks.find()) {
			String sql = blocks.group(1).strip();
			if (sql.startsWith("select")) {
				queries.add(sql.replaceAll(";\\s*$", ""));
			}
		}
		assertThat(queries).hasSizeGreaterThanOrEqualTo(5);
		for (String query : queries) {
			List<Map<String, Object>> rows = jdbc.sql(query).query().listOfRows();
			assertThat(rows).as(query).isNotEmpty();
		}
	}

	@Test
	void readersNeverSeeAHalfBuiltWarehouse() throws Exception {
		String query = "select count(*) || '/' || coalesce(sum(estimate), 0) from warehouse.fact_finance";
		String expected = jdbc.sql(query).query(String.class).single();
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger reads = new AtomicInteger();
		ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
		List<Thread> readers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			readers.add(Thread.ofPlatform().start(() -> {
				while (running.get()) {
					try (Connection connection = dataSource.getConnection();
							Statement statement = connection.createStatement();
							ResultSet rs = statement.executeQuery(query)) {
						rs.next();
						String answer = rs.getString(1);
						if (!expected.equals(answer)) {
							problems.add("read " + answer + " instead of " + expected);
						}
						reads.incrementAndGet();
					}
					catch (SQLException ex) {
						problems.add(ex.getMessage());
					}
				}
			}));
		}
		try {
			for (int i = 0; i < 2; i++) {
				assertThat(rebuild.rebuild("test onder gelijktijdige lezers").succeeded()).isTrue();
			}
		}
		finally {
			running.set(false);
			for (Thread reader : readers) {
				reader.join(Duration.ofSeconds(30));
			}
		}
		assertThat(reads.get()).as("reads during the rebuilds").isGreaterThan(20);
		assertThat(problems).isEmpty();
	}

	@Test
	void aFailedRebuildLeavesThePreviousWarehouseInPlace() throws Exception {
		String before = jdbc.sql("select count(*) || '/' || coalesce(sum(estimate), 0) from warehouse.fact_finance")
			.query(String.class)
			.single();
		String previousTimeout = rebuild.lockTimeout;
		try (Connection blocker = dataSource.getConnection(); Statement statement = blocker.createStatement()) {
			blocker.setAutoCommit(false);
			statement.execute("lock table stats.observation in access exclusive mode");
			rebuild.lockTimeout = "1s";
			WarehouseRebuild.Result result = rebuild.rebuild("test: bron vergrendeld");
			assertThat(result.succeeded()).isFalse();
			assertThat(result.message()).contains("lock timeout");
			blocker.rollback();
		}
		finally {
			rebuild.lockTimeout = previousTimeout;
		}
		assertThat(jdbc.sql("select count(*) || '/' || coalesce(sum(estimate), 0) from warehouse.fact_finance")
			.query(String.class)
			.single()).isEqualTo(before);
		assertThat(jdbc.sql("select status from warehouse_meta.rebuild order by id desc limit 1")
			.query(String.class)
			.single()).isEqualTo("MISLUKT");
	}

	@Test
	void biRolesReadOnlyTheirTenantAndCannotWrite() throws Exception {
		jdbc.sql("drop role if exists bi_test_mechelen").update();
		jdbc.sql("create role bi_test_mechelen login password 'bi-test' in role obmi_bi_mechelen").update();
		String url = ((HikariDataSource) dataSource).getJdbcUrl().replaceAll("\\?.*$", "");
		try (Connection bi = DriverManager.getConnection(url, "bi_test_mechelen", "bi-test");
				Statement statement = bi.createStatement()) {
			try (ResultSet rs = statement.executeQuery(
					"select distinct t.slug from warehouse.fact_finance f join warehouse.dim_tenant t on t.tenant_key = f.tenant_key")) {
				List<String> slugs = new ArrayList<>();
				while (rs.next()) {
					slugs.add(rs.getString(1));
				}
				assertThat(slugs).containsExactly("mechelen");
			}
			try (ResultSet rs = statement
				.executeQuery("select count(*) from warehouse.fact_observation where tenant_key is null")) {
				rs.next();
				assertThat(rs.getLong(1)).as("shared statistics are visible").isPositive();
			}
			Assertions.assertThatThrownBy(() -> statement.execute("delete from warehouse.fact_finance"))
				.hasMessageContaining("permission denied");
			Assertions.assertThatThrownBy(() -> statement.executeQuery("select count(*) from finance.finance_line"))
				.hasMessageContaining("permission denied");
		}
	}

	@Test
	void theImpactPageOfADemoGoalShowsActionsMoneyAndIndicators() throws Exception {
		ObmiUser reader = accounts.loadUserByUsername("lezer.mechelen");
		var auth = authentication(
				UsernamePasswordAuthenticationToken.authenticated(reader, null, reader.getAuthorities()));
		String goal = jdbc.sql(
				"select code from warehouse.dim_plan_item p join warehouse.dim_tenant t on t.tenant_key = p.tenant_key where t.slug = 'mechelen' and p.type = 'BD' order by code limit 1")
			.query(String.class)
			.single();
		String page = mvc.perform(get("/mechelen/impact/doelstelling/" + goal).with(auth))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Wat deden we?")
			.contains("Raming en realisatie per boekjaar")
			.contains("2026")
			.contains(" €")
			.contains("Laatste meting van elke outputindicator");
		assertThat(page.split("acties met hun laatste status", -1)).as("the actions table once").hasSize(2);
		assertThat(page).as("a linked Stad in cijfers series for the city").contains("Werkzoekendengraad, Mechelen");
		String index = mvc.perform(get("/mechelen/impact").with(auth)).andReturn().getResponse().getContentAsString();
		assertThat(index).contains(goal);
		assertThat(mvc.perform(get("/mechelen/impact")).andReturn().getResponse().getStatus()).isEqualTo(302);
	}

	@Test
	void citiesCompareTheirSpendingPerPolicyFieldPerInhabitant() throws Exception {
		ObmiUser reader = accounts.loadUserByUsername("lezer.gent");
		var auth = authentication(
				UsernamePasswordAuthenticationToken.authenticated(reader, null, reader.getAuthorities()));
		String page = mvc.perform(get("/gent/impact/vergelijking?year=2026").with(auth))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Gent").contains("Mechelen").contains("eigen stad");
		List<Map<String, Object>> rows = jdbc
			.sql("select * from warehouse.fact_finance where fiscal_year = 2026 limit 1")
			.query()
			.listOfRows();
		assertThat(rows).isNotEmpty();
		var comparison = new SpendingComparison(jdbc).expenditure(2026, false);
		assertThat(comparison).isNotEmpty();
		assertThat(comparison).filteredOn(r -> r.slug().equals("gent")).allSatisfy(r -> {
			assertThat(r.inhabitants()).as("population of Gent from Stad in cijfers").isPositive();
			assertThat(r.perInhabitant())
				.isEqualByComparingTo(r.amount().divide(BigDecimal.valueOf(r.inhabitants()), 2, RoundingMode.HALF_UP));
		});
	}

	@Test
	void changesReachTheWarehouseWithinSecondsThroughTheAuditEvents() throws Exception {
		int port = Integer.parseInt(environment.getProperty("local.server.port"));
		ApiClient editor = ApiClient.as(port, "redacteur.sint-niklaas");
		String file = "code;type;bovenliggende_code;titel;omschrijving;prioritair;beleidsveld;politiek_verantwoordelijke;ambtelijk_verantwoordelijke;startdatum;einddatum\n"
				+ "BD99;BD;;Een warehouse dat bijblijft;;nee;0119;;;2026-01-01;2031-12-31\n";
		var imported = editor.upload("/api/v1/sint-niklaas/plan/import", "bd99.csv",
				file.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		String finance = "actie;boekjaar;beleidsveld;algemene_rekening;soort;richting;raming;realisatie\n"
				+ "BD99;2026;0119;REK6130000;exploitatie;uitgave;4321,00;1234,00\n";
		var money = editor.upload("/api/v1/sint-niklaas/finance/import", "bd99-geld.csv",
				finance.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(money.status()).as(money.body()).isEqualTo(200);
		long deadline = System.currentTimeMillis() + 30_000;
		BigDecimal estimate = null;
		while (System.currentTimeMillis() < deadline) {
			estimate = jdbc
				.sql("""
						select sum(f.estimate) from warehouse.fact_finance f join warehouse.dim_plan_item p on p.plan_item_key = f.plan_item_key
						join warehouse.dim_tenant t on t.tenant_key = p.tenant_key where t.slug = 'sint-niklaas' and p.code = 'BD99'""")
				.query(BigDecimal.class)
				.optional()
				.orElse(null);
			if (estimate != null) {
				break;
			}
			Thread.sleep(500);
		}
		assertThat(estimate).as("BD99 and its money in the warehouse").isEqualByComparingTo("4321.00");
		assertThat(
				jdbc.sql("select count(*) from warehouse_meta.pending where tenant_id <> 0").query(Long.class).single())
			.isZero();
	}

	@Autowired
	Environment environment;

}
