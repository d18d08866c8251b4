package be.obmi.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.Map;

import be.obmi.privacy.domain.Maturity;
import be.obmi.privacy.domain.MaturityAssessment;
import be.obmi.privacy.domain.MaturityQuestion;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.RefusedStateException;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The maturity self-assessment (Oostende): the index 0–100 from the answers, one answer
 * set per year (a second save of the year changes the same set; a stale one is a 409),
 * only the DPO closes a year, a closed year no longer changes, and its index is stored as
 * the city's figure {@code privacy-maturiteit} for that year; another city sees none of
 * it.
 */
@ObmiIntegrationTest
class MaturityIntegrationTests {

	static final String SLUG = "oostende";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Maturity maturity;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theIndexFollowsFromTheAnswers() {
		Map<MaturityQuestion, Integer> all = new EnumMap<>(MaturityQuestion.class);
		for (MaturityQuestion q : MaturityQuestion.values()) {
			all.put(q, 4);
		}
		assertThat(MaturityAssessment.index(all)).isEqualTo(100);
		all.replaceAll((q, s) -> 0);
		assertThat(MaturityAssessment.index(all)).isZero();
		// 15 questions: scores 2 everywhere but 4 on three of them = (12*2 + 3*4) / 60 =
		// 60
		all.replaceAll((q, s) -> 2);
		all.put(MaturityQuestion.GOVERNANCE_DPO, 4);
		all.put(MaturityQuestion.RIGHTS_PROCEDURE, 4);
		all.put(MaturityQuestion.SECURITY_DPIA, 4);
		assertThat(MaturityAssessment.index(all)).isEqualTo(60);
		// unanswered questions count as 0: 3 × 4 = 12 of 60 = 20
		assertThat(MaturityAssessment.index(Map.of(MaturityQuestion.GOVERNANCE_DPO, 4,
				MaturityQuestion.REGISTER_COMPLETE, 4, MaturityQuestion.AWARENESS_TRAINING, 4)))
			.isEqualTo(20);

		PageSession dpo = PageSession.login(port, "dpo." + SLUG);
		StringBuilder form = new StringBuilder("version=0");
		for (MaturityQuestion q : MaturityQuestion.values()) {
			form.append("&q-").append(q.name()).append('=').append(q.ordinal() % 5);
		}
		HttpResponse<String> saved = dpo.post("/" + SLUG + "/privacy/maturiteit/2031", form + csrf(dpo));
		assertThat(saved.statusCode()).isEqualTo(302);
		// scores 0,1,2,3,4 three times: 30 of 60
		MaturityAssessment assessment = maturity.of(tenants.require(SLUG), 2031).orElseThrow();
		assertThat(assessment.index()).isEqualTo(50);
		assertThat(assessment.answered()).isEqualTo(15);
		assertThat(dpo.get("/" + SLUG + "/privacy/maturiteit?jaar=2031").body()).contains("id=\"maturity-index\"")
			.contains("<strong>50</strong>");
		HttpResponse<String> wrong = dpo.post("/" + SLUG + "/privacy/maturiteit/2031",
				"version=" + assessment.version() + "&q-GOVERNANCE_DPO=7" + csrf(dpo));
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(maturity.of(tenants.require(SLUG), 2031).orElseThrow().index()).isEqualTo(50);
	}

	@Test
	void oneAnswerSetPerYearEditableUntilTheDpoClosesIt() {
		Tenant tenant = tenants.require(SLUG);
		PageSession editor = PageSession.login(port, "redacteur." + SLUG);
		assertThat(editor.post("/" + SLUG + "/privacy/maturiteit/2032", "version=0&q-GOVERNANCE_DPO=1" + csrf(editor))
			.statusCode()).isEqualTo(302);
		int version = maturity.of(tenant, 2032).orElseThrow().version();
		assertThat(editor
			.post("/" + SLUG + "/privacy/maturiteit/2032",
					"version=" + version + "&q-GOVERNANCE_DPO=3&q-SECURITY_ACCESS=2" + csrf(editor))
			.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from privacy.maturity_assessment where tenant_id = ? and year = 2032")
			.param(tenant.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
		MaturityAssessment second = maturity.of(tenant, 2032).orElseThrow();
		assertThat(second.scores()).containsEntry(MaturityQuestion.GOVERNANCE_DPO, 3)
			.containsEntry(MaturityQuestion.SECURITY_ACCESS, 2)
			.hasSize(2);
		// a form loaded before the second save
		HttpResponse<String> stale = editor.post("/" + SLUG + "/privacy/maturiteit/2032",
				"version=" + version + "&q-GOVERNANCE_DPO=0" + csrf(editor));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThatThrownBy(() -> maturity.save(tenant, 2032, Map.of(MaturityQuestion.GOVERNANCE_DPO, 0), version,
				"redacteur." + SLUG))
			.isInstanceOf(ConcurrentChangeException.class);

		// only the DPO closes
		assertThat(editor
			.post("/" + SLUG + "/privacy/maturiteit/2032/afsluiten", "version=" + second.version() + csrf(editor))
			.statusCode()).isEqualTo(403);
		PageSession bijdrager = PageSession.login(port, "bijdrager." + SLUG);
		assertThat(bijdrager
			.post("/" + SLUG + "/privacy/maturiteit/2032",
					"version=" + second.version() + "&q-GOVERNANCE_DPO=4" + csrf(bijdrager))
			.statusCode()).isEqualTo(403);
		PageSession dpo = PageSession.login(port, "dpo." + SLUG);
		assertThat(
				dpo.post("/" + SLUG + "/privacy/maturiteit/2032/afsluiten", "version=" + second.version() + csrf(dpo))
					.statusCode())
			.isEqualTo(302);
		MaturityAssessment closed = maturity.of(tenant, 2032).orElseThrow();
		assertThat(closed.closed()).isTrue();
		assertThat(closed.closedBy()).isEqualTo("dpo." + SLUG);
		assertThat(editor
			.post("/" + SLUG + "/privacy/maturiteit/2032",
					"version=" + closed.version() + "&q-GOVERNANCE_DPO=4" + csrf(editor))
			.statusCode()).isEqualTo(409);
		assertThatThrownBy(() -> maturity.save(tenant, 2032, Map.of(), closed.version(), "dpo." + SLUG))
			.isInstanceOf(RefusedStateException.class);
		assertThat(maturity.of(tenant, 2032).orElseThrow().scores()).isEqualTo(second.scores());

		// the closed year's index is the city's figure for 2032 (index 5 * 100 / 60 = 8)
		assertThat(jdbc.sql("""
				select o.value from stats.observation o join stats.indicator i on i.id = o.indicator_id
				where i.code = 'privacy-maturiteit' and i.tenant_id = ? and o.period = '2032'""")
			.param(tenant.id())
			.query(Double.class)
			.list()).containsExactly((double) closed.index());

		// the history lists the year; another city sees none of it
		assertThat(editor.get("/" + SLUG + "/privacy/maturiteit?jaar=2032").body()).contains("id=\"maturity-history\"")
			.contains("jaar=2032");
		PageSession other = PageSession.login(port, "redacteur.hasselt");
		assertThat(other.get("/" + SLUG + "/privacy/maturiteit").statusCode()).isEqualTo(403);
		assertThat(other.post("/" + SLUG + "/privacy/maturiteit/2032", "version=0&q-GOVERNANCE_DPO=4" + csrf(other))
			.statusCode()).isEqualTo(403);
		assertThat(other.get("/hasselt/privacy/maturiteit?jaar=2032").body()).doesNotContain("maturity-index");
	}

	private static String csrf(PageSession session) {
		return "&_csrf=" + session.csrf("/account");
	}

}
