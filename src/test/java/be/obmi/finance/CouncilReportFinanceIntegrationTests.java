package be.obmi.finance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.UserAccounts;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The legal section of the council report, "geraamde versus gerealiseerde ontvangsten en
 * uitgaven", from the demo finance figures: every priority item with its estimate and
 * realisation, and the tenant's total equal to the sum of the lines, on the page and in
 * the PDF.
 */
@ObmiIntegrationTest
class CouncilReportFinanceIntegrationTests {

	static final String TENANT = "aalst";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tenants tenants;

	@Autowired
	FinanceFigures figures;

	@Autowired
	UserAccounts accounts;

	@Test
	void theReportShowsEstimateVersusRealisationPerPriorityItemAndTheTotal() throws Exception {
		Tenant tenant = tenants.require(TENANT);
		long round = jdbc.sql(
				"select id from plan.status_round where tenant_id = ? and state = 'CLOSED' order by reference_date limit 1")
			.param(tenant.id())
			.query(Long.class)
			.single();
		ObmiUser editor = accounts.loadUserByUsername("redacteur." + TENANT);
		var auth = authentication(
				UsernamePasswordAuthenticationToken.authenticated(editor, null, editor.getAuthorities()));

		String page = mvc.perform(get("/" + TENANT + "/plan/rondes/" + round + "/rapport").with(auth))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Boekjaar 2026: raming en realisatie per prioritair item")
			.doesNotContain("Nog geen financiële gegevens");

		List<String> priorityActions = jdbc
			.sql("""
					select i.code from plan.plan_item i where i.tenant_id = ? and i.priority and i.type = 'AC'
					and i.plan_id = (select id from plan.plan where tenant_id = ? order by end_year desc, id desc limit 1)""")
			.params(tenant.id(), tenant.id())
			.query(String.class)
			.list();
		assertThat(priorityActions).isNotEmpty();
		DecimalFormat euro = new DecimalFormat("#,##0.00",
				DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-BE")));
		String finance = page.substring(page.indexOf("id=\"finance-heading\""));
		for (String code : priorityActions) {
			FinanceFigures.Summary s = figures.summary(tenant, code, 2026);
			assertThat(finance).contains(">" + code + "<")
				.contains(euro.format(s.expenditureEstimate()))
				.contains(euro.format(s.expenditureRealisation()));
		}
		BigDecimal total = jdbc
			.sql("""
					select sum(estimate) from finance.current_line where tenant_id = ? and fiscal_year = 2026 and direction = 'UITGAVE'""")
			.param(tenant.id())
			.query(BigDecimal.class)
			.single();
		assertThat(finance).contains(euro.format(total));

		byte[] pdf = mvc.perform(get("/" + TENANT + "/plan/rondes/" + round + "/rapport.pdf").with(auth))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Geraamde uitgaven")
				.contains(euro.format(total))
				.contains(priorityActions.getFirst());
		}
	}

	@Test
	void theDashboardAndTheItemPageShowTheFigures() throws Exception {
		Tenant tenant = tenants.require(TENANT);
		ObmiUser reader = accounts.loadUserByUsername("lezer." + TENANT);
		var auth = authentication(
				UsernamePasswordAuthenticationToken.authenticated(reader, null, reader.getAuthorities()));
		String dashboard = mvc.perform(get("/" + TENANT + "/plan/dashboard").with(auth))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(dashboard).contains("Financiële uitvoering").contains("Hele planperiode");
		long goalId = jdbc
			.sql("""
					select id from plan.plan_item where tenant_id = ? and type = 'BD'
					and plan_id = (select id from plan.plan where tenant_id = ? order by end_year desc, id desc limit 1) order by code limit 1""")
			.params(tenant.id(), tenant.id())
			.query(Long.class)
			.single();
		String code = jdbc.sql("select code from plan.plan_item where id = ?")
			.param(goalId)
			.query(String.class)
			.single();
		String item = mvc.perform(get("/" + TENANT + "/plan/items/" + goalId).with(auth))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		DecimalFormat euro = new DecimalFormat("#,##0.00",
				DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-BE")));
		assertThat(item).contains("Raming en realisatie per boekjaar")
			.contains("Hele periode")
			.contains(euro.format(figures.summary(tenant, code, 2027).expenditureEstimate()))
			.contains(euro.format(figures.summary(tenant, code, null).expenditureEstimate()));
	}

}
