package be.obmi.stats.demo;

import java.util.List;
import java.util.Locale;

import be.obmi.stats.query.StatsFormat;
import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo Gemeente-Stadsmonitor results (issue 12): a survey indicator's page shows, per
 * edition, the respondents n and the 95% confidence interval value ± margin, the margin
 * computed here from the stored n and N with 1.96·√(p(100−p)/n)·√(1−n/N); the downloads
 * and the area report carry them too.
 */
@ObmiIntegrationTest
class StatsSurveyIntegrationTests {

	static final String CODE = "GSM_WO_S_14";

	static final String MECHELEN = "12025";

	static final Locale DUTCH = Locale.forLanguageTag("nl-BE");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	record Stored(String period, double value, int n, long population) {

		double margin() {
			return 1.96 * Math.sqrt(value * (100 - value) / n) * Math.sqrt(1 - (double) n / population);
		}

	}

	@Test
	void theDemoSurveyIndicatorsArePublishedDemoIndicatorsWithThreeEditionsForTheCentrumsteden() {
		for (String code : DemoSurvey.codes()) {
			assertThat(jdbc.sql("""
					select published and demo and kind = 'survey' from stats.indicator
					where tenant_id is null and code = ?""").param(code).query(Boolean.class).single()).as(code)
				.isTrue();
			assertThat(jdbc.sql("""
					select count(*) from stats.observation o join stats.indicator i on i.id = o.indicator_id
					where i.code = ? and i.tenant_id is null and o.sample_n between 800 and 1500
					  and o.population_n > o.sample_n and o.margin > 0""").param(code).query(Long.class).single())
				.as(code + ": 13 cities × 3 editions with n, N and a margin")
				.isEqualTo(39);
		}
		String dashboard = ApiClient.anonymous(port)
			.get("/mechelen/cijfers?thema=Wonen+en+woonomgeving&lang=nl")
			.body();
		assertThat(dashboard).contains("/mechelen/cijfers/indicator/" + CODE);
	}

	@Test
	void theIndicatorPageShowsEachEditionWithNAndTheConfidenceInterval() {
		List<Stored> stored = stored();
		assertThat(stored).extracting(Stored::period).containsExactly("2017", "2020", "2023");
		Document page = Jsoup
			.parse(ApiClient.anonymous(port).get("/mechelen/cijfers/indicator/" + CODE + "?lang=nl").body());
		Element table = page.selectFirst("table.survey-editions");
		assertThat(table).isNotNull();
		assertThat(table.select("thead th").eachText()).contains("n (respondenten)", "95%-betrouwbaarheidsinterval");
		List<Element> rows = table.select("tbody tr");
		assertThat(rows).hasSize(3);
		for (int i = 0; i < 3; i++) {
			Stored s = stored.get(i);
			List<String> cells = rows.get(i).select("td").eachText();
			assertThat(rows.get(i).selectFirst("th").text()).isEqualTo("Editie " + s.period());
			assertThat(cells.get(0)).isEqualTo(StatsFormat.format(s.value(), 1, DUTCH));
			assertThat(cells.get(1)).isEqualTo(StatsFormat.format((double) s.n(), 0, DUTCH));
			assertThat(cells.get(2)).as(s.period() + ": value ± margin")
				.isEqualTo(StatsFormat.format(s.value() - s.margin(), 1, DUTCH) + "–"
						+ StatsFormat.format(s.value() + s.margin(), 1, DUTCH));
		}
		assertThat(page.select("label[for=editie]").text()).isEqualTo("Editie");
		assertThat(page.select("table.survey-cities tbody tr")).as("the 13 centrumsteden in the latest edition")
			.hasSize(13);
		assertThat(page.selectFirst("#trend-survey").attr("data-band")).contains("\"lower\"", "\"upper\"");
		assertThat(page.select("script[src*=stats-survey.js]")).hasSize(1);
	}

	@Test
	void anOlderEditionCanBePicked() {
		Document page = Jsoup.parse(
				ApiClient.anonymous(port).get("/mechelen/cijfers/indicator/" + CODE + "?editie=2017&lang=nl").body());
		assertThat(page.selectFirst("table.survey-cities caption").text()).endsWith("editie 2017");
		assertThat(page.selectFirst("#editie option[selected]").text()).isEqualTo("2017");
	}

	@Test
	void theEnglishPageWritesEditionsAndIntervalsTheEnglishWay() {
		Stored latest = stored().get(2);
		Document page = Jsoup
			.parse(ApiClient.anonymous(port).get("/mechelen/cijfers/indicator/" + CODE + "?lang=en").body());
		Element row = page.select("table.survey-editions tbody tr").last();
		assertThat(row.selectFirst("th").text()).isEqualTo("Edition 2023");
		assertThat(row.select("td").last().text())
			.isEqualTo(StatsFormat.format(latest.value() - latest.margin(), 1, Locale.ENGLISH) + "–"
					+ StatsFormat.format(latest.value() + latest.margin(), 1, Locale.ENGLISH))
			.contains(".");
		assertThat(page.select("table.survey-editions thead th").eachText()).contains("95% confidence interval");
	}

	@Test
	void theDownloadsHaveNAndTheInterval() {
		Stored latest = stored().get(2);
		String csv = ApiClient.anonymous(port)
			.get("/mechelen/cijfers/indicator/" + CODE + "/download?niveau=gemeente&formaat=csv")
			.body();
		List<String> lines = csv.replace("\uFEFF", "").lines().toList();
		assertThat(lines.get(0))
			.isEqualTo("indicator;gebied;naam;niveau;periode;waarde;status;n;N;marge;ondergrens;bovengrens");
		String row = lines.stream().filter(l -> l.contains(";2023;")).findFirst().orElseThrow();
		String[] cells = row.split(";");
		assertThat(cells[7]).isEqualTo(String.valueOf(latest.n()));
		assertThat(cells[8]).isEqualTo(String.valueOf(latest.population()));
		assertThat(Double.parseDouble(cells[9].replace(',', '.'))).isCloseTo(latest.margin(),
				org.assertj.core.data.Offset.offset(0.001));
		assertThat(Double.parseDouble(cells[10].replace(',', '.'))).isCloseTo(latest.value() - latest.margin(),
				org.assertj.core.data.Offset.offset(0.002));
		ApiClient.Response xlsx = ApiClient.anonymous(port)
			.get("/mechelen/cijfers/indicator/" + CODE + "/download?niveau=gemeente&formaat=xlsx");
		assertThat(xlsx.status()).isEqualTo(200);
	}

	@Test
	void theCitysAreaReportShowsTheIntervalBesideTheValue() {
		Stored latest = stored().get(2);
		Document report = Jsoup
			.parse(ApiClient.anonymous(port).get("/mechelen/cijfers/gebied/gemeente/" + MECHELEN + "?lang=nl").body());
		Element row = report.selectFirst("tr[data-indicator=" + CODE + "]");
		assertThat(row).isNotNull();
		assertThat(row.select(".survey-interval").text())
			.isEqualTo("BI " + StatsFormat.format(latest.value() - latest.margin(), 1, DUTCH) + "–"
					+ StatsFormat.format(latest.value() + latest.margin(), 1, DUTCH));
	}

	private List<Stored> stored() {
		return jdbc.sql("""
				select o.period, o.value, o.sample_n, o.population_n from stats.observation o
				join stats.indicator i on i.id = o.indicator_id join stats.area a on a.id = o.area_id
				where i.code = ? and i.tenant_id is null and a.level = 'gemeente' and a.code = ? order by o.period""")
			.params(CODE, MECHELEN)
			.query((rs, n) -> new Stored(rs.getString(1), rs.getDouble(2), rs.getInt(3), rs.getLong(4)))
			.list();
	}

}
