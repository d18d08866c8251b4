package be.obmi.pirk;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.UserAccounts;
import be.obmi.knowledge.TemporaryUseCases;
import be.obmi.pirk.domain.ObjectFilter;
import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.mobilisation.Campaign;
import be.obmi.pirk.mobilisation.CampaignObject;
import be.obmi.pirk.mobilisation.Campaigns;
import be.obmi.pirk.mobilisation.OwnerAccessLog;
import be.obmi.pirk.mobilisation.OwnerAccessPurpose;
import be.obmi.pirk.mobilisation.OwnerCase;
import be.obmi.pirk.mobilisation.OwnerCases;
import be.obmi.pirk.mobilisation.OwnerContacts;
import be.obmi.pirk.mobilisation.OwnerForm;
import be.obmi.pirk.mobilisation.OwnerStatus;
import be.obmi.pirk.mobilisation.PirkProcessingActivities;
import be.obmi.pirk.mobilisation.SavedFilters;
import be.obmi.privacy.ModuleActivities;
import be.obmi.privacy.ModuleActivity;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * PIRK's mobilisation against the real application: owner data only with the function
 * OWNER_DATA and every read logged for the DPO; campaigns whose list freezes when sent;
 * the link to the knowledge bank's temporary-use cases; the processing activities
 * proposed to the GDPR register.
 */
@ObmiIntegrationTest
class PirkMobilisationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Tenants tenants;

	@Autowired
	RealEstates objects;

	@Autowired
	OwnerCases cases;

	@Autowired
	OwnerContacts contacts;

	@Autowired
	OwnerAccessLog log;

	@Autowired
	Campaigns campaigns;

	@Autowired
	SavedFilters filters;

	@Autowired
	TemporaryUseCases temporaryUse;

	@Autowired
	ModuleActivities moduleActivities;

	@Autowired
	JdbcClient jdbc;

	@Test
	void ownerDataNeedTheFunctionAndEveryReadIsLoggedForTheDpo() throws Exception {
		Tenant mechelen = tenants.require("mechelen");
		RealEstate object = PirkFixtures.object(objects, mechelen, PirkFixtures.street("Eigenaarsstraat"), "4", 4.4777,
				51.0280);
		OwnerCase opened = cases.open(mechelen, object.id(), "leegstand.mechelen", false);
		contacts.add(mechelen, opened.id(), new OwnerForm("Zeger Testeigenaar", "PERSON", "Geheimstraat 9", "2800",
				"Mechelen", null, null, null, null), "leegstand.mechelen");
		String page = "/mechelen/pirk/eigenaars/" + opened.id();

		assertThat(body(get(page), "leegstand.mechelen")).contains("Zeger Testeigenaar").contains("Geheimstraat 9");
		assertThat(log.latest(mechelen, "leegstand.mechelen", 20)).filteredOn(a -> a.caseId() == opened.id())
			.extracting(OwnerAccessLog.Access::purpose)
			.containsExactly(OwnerAccessPurpose.CASE_VIEW);
		body(get("/mechelen/pirk/eigenaars"), "leegstand.mechelen");
		assertThat(log.count(mechelen, opened.id())).as("the list logs each case it shows").isEqualTo(2);

		assertThat(status(get(page), "beheerder.mechelen")).as("a beheerder without the function").isEqualTo(403);
		assertThat(status(get("/mechelen/pirk/eigenaars"), "beheerder.mechelen")).isEqualTo(403);
		assertThat(status(get(page), "redacteur.mechelen")).isEqualTo(403);
		assertThat(status(get(page), "leegstand.gent")).as("the function in another tenant").isEqualTo(403);
		assertThat(
				status(post(page + "/status").param("status", "ANSWERED").param("version", "0"), "beheerder.mechelen"))
			.isEqualTo(403);
		assertThat(log.count(mechelen, opened.id())).as("refused requests read nothing").isEqualTo(2);

		String logPage = body(get("/mechelen/pirk/toegangslog"), "dpo.mechelen");
		assertThat(logPage).contains("leegstand.mechelen").doesNotContain("Zeger Testeigenaar");
		assertThat(status(get("/mechelen/pirk/toegangslog"), "beheerder.mechelen")).isEqualTo(200);
		assertThat(status(get("/mechelen/pirk/toegangslog"), "leegstand.mechelen")).isEqualTo(403);

		Campaign campaign = campaigns.create(mechelen, "Brieven",
				new ObjectFilter(null, null, null, null, null, null, null, null, object.address().street()), null,
				false, "redacteur.mechelen");
		campaigns.send(mechelen, campaign.id(), campaign.version(), "leegstand.mechelen");
		String letters = "/mechelen/pirk/campagnes/" + campaign.id() + "/brieven.csv";
		assertThat(status(get(letters), "beheerder.mechelen")).isEqualTo(403);
		assertThat(body(get(letters), "leegstand.mechelen")).contains("object;eigenaar;adres_eigenaar")
			.contains("\"Zeger Testeigenaar\";\"Geheimstraat 9, 2800 Mechelen\"");
		assertThat(log.latest(mechelen, "leegstand.mechelen", 50)).filteredOn(a -> a.caseId() == opened.id())
			.extracting(OwnerAccessLog.Access::purpose)
			.contains(OwnerAccessPurpose.CAMPAIGN_LETTERS);
	}

	@Test
	void aCaseMovesThroughItsStatusesWithNotesAndOptimisticLocking() throws Exception {
		Tenant mechelen = tenants.require("mechelen");
		RealEstate object = PirkFixtures.object(objects, mechelen, PirkFixtures.street("Statusstraat"), "1", 4.4790,
				51.0260);
		OwnerCase opened = cases.open(mechelen, object.id(), "leegstand.mechelen", false);
		assertThat(cases.open(mechelen, object.id(), "leegstand.mechelen", false).id()).as("one case per object")
			.isEqualTo(opened.id());

		mvc.perform(post("/mechelen/pirk/eigenaars/" + opened.id() + "/status").param("status", "ANSWERED")
			.param("version", String.valueOf(opened.version()))
			.param("note", "Eigenaar belde terug")
			.with(csrf())
			.with(as("leegstand.mechelen")));
		OwnerCase answered = cases.find(mechelen, opened.id()).orElseThrow();
		assertThat(answered.status()).isEqualTo(OwnerStatus.ANSWERED);
		assertThat(answered.statusSince()).isEqualTo(LocalDate.now());
		assertThat(cases.detail(mechelen, opened.id(), "test", OwnerAccessPurpose.CASE_VIEW, null).notes())
			.extracting(n -> n.kind() + ":" + n.text())
			.contains("STATUS:ANSWERED: Eigenaar belde terug");
		assertThatThrownBy(() -> cases.move(mechelen, opened.id(), OwnerStatus.SOLVED, opened.version(), null, "x"))
			.as("a stale version")
			.hasMessageContaining("intussen");
	}

	@Test
	void aSentCampaignKeepsTheObjectListItHadWhenItWasSent() {
		Tenant mechelen = tenants.require("mechelen");
		String street = PirkFixtures.street("Campagnestraat");
		RealEstate first = PirkFixtures.object(objects, mechelen, street, "1", 4.4770, 51.0290);
		RealEstate second = PirkFixtures.object(objects, mechelen, street, "2", 4.4771, 51.0291);
		ObjectFilter filter = new ObjectFilter(null, null, null, null, null, null, null, null, street);
		SavedFilters.SavedFilter saved = filters.save(mechelen, "Filter " + street, filter, "redacteur.mechelen");
		assertThat(saved.filter()).isEqualTo(filter);

		Campaign campaign = campaigns.create(mechelen, "Brief " + street, saved.filter(), saved.id(), false,
				"redacteur.mechelen");
		RealEstate third = PirkFixtures.object(objects, mechelen, street, "3", 4.4772, 51.0292);
		assertThat(campaigns.objects(mechelen, campaign)).as("a draft follows its filter")
			.extracting(CampaignObject::realEstateId)
			.containsExactlyInAnyOrder(first.id(), second.id(), third.id());

		Campaign sent = campaigns.send(mechelen, campaign.id(), campaign.version(), "leegstand.mechelen");
		assertThat(sent.sent()).isTrue();
		PirkFixtures.object(objects, mechelen, street, "4", 4.4773, 51.0293);
		PirkFixtures.vacant(jdbc, first, "VERIFIED", "2025-01-01", null);
		List<CampaignObject> frozen = campaigns.objects(mechelen, campaigns.require(mechelen, campaign.id()));
		assertThat(frozen).as("objects added later are not in a sent campaign")
			.extracting(CampaignObject::realEstateId)
			.containsExactly(first.id(), second.id(), third.id());
		assertThat(frozen.getFirst().vacancyClass()).as("as the object was when sent").isEqualTo("NONE");
		assertThat(frozen).extracting(CampaignObject::ownerStatus).containsOnly(OwnerStatus.CONTACTED);
		assertThatThrownBy(() -> campaigns.send(mechelen, campaign.id(), sent.version(), "leegstand.mechelen"))
			.isInstanceOf(RefusedStateException.class);
	}

	@Test
	void aCaseLinksOnlyToAPublishedTemporaryUseCaseOfTheKnowledgeBank() {
		Tenant mechelen = tenants.require("mechelen");
		RealEstate object = PirkFixtures.object(objects, mechelen, PirkFixtures.street("Tijdelijkstraat"), "5", 4.4800,
				51.0300);
		OwnerCase opened = cases.open(mechelen, object.id(), "leegstand.mechelen", false);
		assertThatThrownBy(
				() -> cases.linkTemporaryUse(mechelen, opened.id(), UUID.randomUUID(), opened.version(), "x"))
			.isInstanceOf(RefusedValueException.class);
		List<TemporaryUseCases.TemporaryUseCase> published = temporaryUse.all();
		assertThat(published).as("the knowledge bank's demo has published temporary-use cases").isNotEmpty();
		TemporaryUseCases.TemporaryUseCase chosen = published.getFirst();
		OwnerCase linked = cases.linkTemporaryUse(mechelen, opened.id(), chosen.publicId(), opened.version(), "x");
		assertThat(linked.temporaryUseCase()).isEqualTo(chosen.publicId());
		assertThat(chosen.path()).isEqualTo("/kennis/collecties/tijdelijk-gebruik/" + chosen.publicId());
	}

	@Test
	void openingACaseProposesPirksProcessingActivitiesOnceToTheGdprRegister() {
		Tenant mechelen = tenants.require("mechelen");
		RealEstate object = PirkFixtures.object(objects, mechelen, PirkFixtures.street("Avgstraat"), "2", 4.4810,
				51.0310);
		cases.open(mechelen, object.id(), "leegstand.mechelen", false);
		UUID owners = moduleActivities.find(mechelen, PirkProcessingActivities.OWNER_CONTACTS).orElseThrow();
		assertThat(moduleActivities.find(mechelen, PirkProcessingActivities.INVENTORY)).isPresent();
		ModuleActivity again = new ModuleActivity(PirkProcessingActivities.OWNER_CONTACTS, "Andere naam", null, null,
				null, null, null, null, null, null, null);
		ModuleActivities.Proposal proposal = moduleActivities.propose(mechelen, again, "test");
		assertThat(proposal.created()).isFalse();
		assertThat(proposal.publicId()).isEqualTo(owners);
		assertThat(jdbc.sql("""
				select a.state from privacy.processing_activity a where a.public_id = ?""")
			.param(owners)
			.query(String.class)
			.single()).as("a draft for the DPO to complete").isEqualTo("DRAFT");
	}

	/** Signs a request in as a demo account. */
	private RequestPostProcessor as(String username) {
		ObmiUser user = accounts.loadUserByUsername(username);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	private int status(MockHttpServletRequestBuilder request, String username) throws Exception {
		return response(request, username).getStatus();
	}

	private String body(MockHttpServletRequestBuilder request, String username) throws Exception {
		MockHttpServletResponse response = response(request, username);
		assertThat(response.getStatus()).as(username).isEqualTo(200);
		return response.getContentAsString();
	}

	private MockHttpServletResponse response(MockHttpServletRequestBuilder request, String username) throws Exception {
		return mvc.perform(request.with(csrf()).with(as(username))).andReturn().getResponse();
	}

}
