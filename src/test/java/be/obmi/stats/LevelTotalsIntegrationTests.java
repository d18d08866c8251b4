package be.obmi.stats;

import java.nio.charset.StandardCharsets;
import java.util.List;

import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import that gives a city and its wijken (or a deelgemeente and its sectors) with
 * different totals: a warning in the import report naming the area and the difference, or
 * a refusal that changes nothing when the indicator says so (issue 12).
 */
@ObmiIntegrationTest
class LevelTotalsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private StatsHttp.Response upload(String name, String csv, boolean create) {
		return new StatsHttp(port).upload("kortrijk", "redacteur.kortrijk", name, csv.getBytes(StandardCharsets.UTF_8),
				create);
	}

	/**
	 * Kortrijk and its 14 wijken; each wijk gets {@code perWijk}, the city {@code city}.
	 */
	private String cityAndWijken(String code, String period, long city, long perWijk) {
		List<String> wijken = jdbc.sql("""
				select w.code from stats.area w join stats.area g on g.id = w.parent_id
				where w.level = 'wijk' and g.code = '34022' and w.valid_to is null order by w.code""")
			.query(String.class)
			.list();
		assertThat(wijken).hasSize(14);
		StringBuilder csv = new StringBuilder("indicator;gebied;niveau;periode;waarde\n");
		csv.append(code).append(";34022;gemeente;").append(period).append(';').append(city).append('\n');
		for (String wijk : wijken) {
			csv.append(code)
				.append(';')
				.append(wijk)
				.append(";wijk;")
				.append(period)
				.append(';')
				.append(perWijk)
				.append('\n');
		}
		return csv.toString();
	}

	@Test
	void aCityAndItsWijkenThatDifferAreAWarningNamingTheAreaAndTheDifference() {
		StatsHttp.Response ok = upload("totalen.csv", cityAndWijken("kortrijk_totalen_a", "2024", 1500, 100), true);
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(ok.json().get("warnings").toString()).contains("kortrijk_totalen_a")
			.contains("Kortrijk")
			.contains("2024")
			.contains("het bestand geeft 1500, maar de 14 wijken samen 1400 (verschil -100)");
		assertThat(ok.json().get("inserted").asInt()).isEqualTo(15);

		StatsHttp.Response agreeing = upload("totalen.csv", cityAndWijken("kortrijk_totalen_a", "2023", 1400, 100),
				false);
		assertThat(agreeing.status()).as(agreeing.body()).isEqualTo(200);
		assertThat(agreeing.json().get("warnings").toString()).doesNotContain("wijken samen");
	}

	@Test
	void someWijkenThatAlreadyExceedTheCityAreAWarningToo() {
		String csv = """
				indicator;gebied;niveau;periode;waarde
				kortrijk_totalen_b;34022;gemeente;2024;50
				kortrijk_totalen_b;34022WA;wijk;2024;40
				kortrijk_totalen_b;34022WB;wijk;2024;30
				""";
		StatsHttp.Response ok = upload("deel.csv", csv, true);
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(ok.json().get("warnings").toString()).contains("maar de 2 wijken samen 70 (verschil 20)");

		String partial = csv.replace(";40\n", ";10\n").replace(";30\n", ";20\n").replace("2024", "2023");
		StatsHttp.Response fine = upload("deel.csv", partial, false);
		assertThat(fine.json().get("warnings").toString()).as("some wijken below the total: no claim")
			.doesNotContain("samen");
	}

	@Test
	void anIndicatorThatRefusesDifferingTotalsRefusesTheFileAndNothingChanges() {
		StatsHttp.Response first = upload("streng.csv", cityAndWijken("kortrijk_totalen_c", "2023", 1400, 100), true);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		// the data team says so in the catalogue file (column totalen); a bad value is
		// refused first
		String catalogue = "code;naam;aggregatie;totalen\nkortrijk_totalen_c;Totalen C;sum;";
		StatsHttp.Response bad = new StatsHttp(port).upload("kortrijk", "redacteur.kortrijk", "catalogus.csv",
				(catalogue + "streng\n").getBytes(StandardCharsets.UTF_8), false, "/api/v1/kortrijk/stats/catalogue");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("'streng' is geen geldige waarde voor totalen");
		StatsHttp.Response strict = new StatsHttp(port).upload("kortrijk", "redacteur.kortrijk", "catalogus.csv",
				(catalogue + "weigeren\n").getBytes(StandardCharsets.UTF_8), false, "/api/v1/kortrijk/stats/catalogue");
		assertThat(strict.status()).as(strict.body()).isEqualTo(200);
		assertThat(jdbc.sql("select totals_check from stats.indicator where code = 'kortrijk_totalen_c'")
			.query(String.class)
			.single()).isEqualTo("weigeren");
		long before = jdbc
			.sql("select count(*) from stats.observation o join stats.indicator i on i.id = o.indicator_id"
					+ " where i.code = 'kortrijk_totalen_c'")
			.query(Long.class)
			.single();

		StatsHttp.Response refused = upload("streng.csv", cityAndWijken("kortrijk_totalen_c", "2024", 1401, 100),
				false);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("row").asInt()).isEqualTo(2);
		assertThat(refused.json().get("errors").get(0).get("column").asString()).isEqualTo("waarde");
		assertThat(refused.body()).contains("het bestand geeft 1401, maar de 14 wijken samen 1400 (verschil -1)")
			.contains("aanvaardt geen verschillende totalen");
		assertThat(jdbc
			.sql("select count(*) from stats.observation o join stats.indicator i on i.id = o.indicator_id"
					+ " where i.code = 'kortrijk_totalen_c'")
			.query(Long.class)
			.single()).isEqualTo(before);
	}

}
