package be.obmi.plan;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import be.obmi.identity.Role;
import be.obmi.identity.TenantMembers;
import be.obmi.identity.UserForm;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.StatusUpdate;
import be.obmi.plan.domain.StatusUpdateForm;
import be.obmi.plan.domain.UpdateComments;
import be.obmi.plan.domain.UpdateComments.UpdateComment;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comment thread of a status update (Genk): returning an update puts the remark in
 * the thread under the reviewer's name; the contributor reads it on the update page and
 * answers; the reviewer sees the thread on the round page. Nobody else reads or posts:
 * not another bijdrager, not a lezer, not an editor of another city. An empty comment is
 * refused and a closed round takes no more comments.
 */
@ObmiIntegrationTest
class PlanUpdateCommentsIntegrationTests {

	static final String SLUG = "genk";

	static final String PASSWORD = "een-lang-wachtwoord";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Plans plans;

	@Autowired
	PlanItems items;

	@Autowired
	StatusRounds rounds;

	@Autowired
	UpdateComments comments;

	@Autowired
	TenantMembers members;

	@Test
	void theThreadIsSharedByReviewerAndContributorOnly() {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		PlanItem action = items.all(plan)
			.stream()
			.filter(i -> i.type() == ItemType.AC && "bijdrager.genk".equals(i.contributor()))
			.findFirst()
			.orElseThrow();
		StatusRound round = rounds.open(tenant, plan, "Opmerkingenronde", LocalDate.now().minusDays(1),
				LocalDate.now().plusDays(10), StatusRound.Scope.SELECTION, List.of(action.id()), "redacteur.genk");
		StatusUpdate update = rounds.save(tenant, round.id(), action.id(),
				new StatusUpdateForm(ItemStatus.OP_SCHEMA, 20, "Eerste versie.", null, null, -1), true,
				"bijdrager.genk");
		String page = "/" + SLUG + "/plan/rondes/" + round.id() + "/items/" + action.id();
		String roundPage = "/" + SLUG + "/plan/rondes/" + round.id();

		PlanHttp reviewer = PlanHttp.session(port, "redacteur." + SLUG);
		assertThat(reviewer
			.post(roundPage + "/updates/" + update.id() + "/terugsturen",
					"remark=Geef+de+timing+van+fase+twee.&_csrf=" + reviewer.csrf(roundPage))
			.statusCode()).isEqualTo(302);
		List<UpdateComment> thread = comments.of(tenant, update.id());
		assertThat(thread).singleElement().satisfies(c -> {
			assertThat(c.author()).isEqualTo("redacteur.genk");
			assertThat(c.returned()).isTrue();
			assertThat(c.body()).isEqualTo("Geef de timing van fase twee.");
		});

		PlanHttp contributor = PlanHttp.session(port, "bijdrager." + SLUG);
		assertThat(contributor.getText(page)).contains("Geef de timing van fase twee.", "id=\"comment-body\"");
		assertThat(contributor
			.post(page + "/opmerkingen", "body=Fase+twee+start+in+oktober.&_csrf=" + contributor.csrf(page))
			.statusCode()).isEqualTo(302);
		assertThat(contributor.post(page + "/opmerkingen", "body=+++&_csrf=" + contributor.csrf(page)).statusCode())
			.isEqualTo(302);
		assertThat(contributor.getText(page)).contains("Schrijf eerst een opmerking.");
		assertThat(comments.of(tenant, update.id())).extracting(UpdateComment::body)
			.containsExactly("Geef de timing van fase twee.", "Fase twee start in oktober.");
		assertThat(reviewer.getText(roundPage)).contains("2 opmerking(en) bij " + action.code(),
				"Fase twee start in oktober.");

		members.createAccount(tenant, new UserForm("ander.genk", "Ander Genk", null, Role.BIJDRAGER, PASSWORD));
		PlanHttp other = PlanHttp.session(port, "ander.genk", PASSWORD);
		assertThat(other.getText(page)).doesNotContain("Fase twee start in oktober.");
		assertThat(other.post(page + "/opmerkingen", "body=Ik+ook.&_csrf=" + other.csrf(page)).statusCode())
			.isEqualTo(403);
		PlanHttp reader = PlanHttp.session(port, "lezer." + SLUG);
		assertThat(reader.getText(roundPage)).doesNotContain("Fase twee start in oktober.");
		HttpResponse<byte[]> readerPost = reader.post(page + "/opmerkingen",
				"body=Ik+ook.&_csrf=" + reader.csrf(roundPage));
		assertThat(readerPost.statusCode()).isEqualTo(403);
		PlanHttp stranger = PlanHttp.session(port, "redacteur.gent");
		assertThat(stranger.post(page + "/opmerkingen", "body=Ik+ook.&_csrf=" + stranger.csrf("/gent/plan/rondes"))
			.statusCode()).isIn(403, 404);
		assertThat(comments.of(tenants.require("gent"), update.id())).isEmpty();
		assertThat(comments.of(tenant, update.id())).hasSize(2);

		rounds.close(tenant, round.id());
		assertThat(contributor.post(page + "/opmerkingen", "body=Te+laat.&_csrf=" + contributor.csrf(roundPage))
			.statusCode()).isEqualTo(302);
		assertThat(comments.of(tenant, update.id())).hasSize(2);
	}

}
