package be.obmi.hostile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.UserAccounts;
import be.obmi.pirk.domain.ObjectFilter;
import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstateDraft;
import be.obmi.pirk.domain.RealEstateKind;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.mobilisation.Campaign;
import be.obmi.pirk.mobilisation.Campaigns;
import be.obmi.pirk.mobilisation.OwnerCase;
import be.obmi.pirk.mobilisation.OwnerCases;
import be.obmi.pirk.mobilisation.OwnerContacts;
import be.obmi.pirk.mobilisation.OwnerForm;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Acceptance 4 of issue #17, second half: PIRK's owner data never leak. An object of
 * Mechelen gets a case with an owner, a note and a sent campaign; then every GET route of
 * PIRK (read from the application's request mappings, so routes added later are walked
 * too), with each path variable set to each of the fixture's ids, is requested
 * anonymously and as Mechelen's beheerder, who lacks the function OWNER_DATA. No answer
 * may contain the owner's name, address or e-mail, or the case's note; no anonymous
 * answer may contain the object's address.
 */
@ObmiIntegrationTest
class PirkOwnerDataHostileIntegrationTests {

	static final String OWNER = "Ottilie Geheimeigenaar";

	static final String OWNER_STREET = "Verborgenlaan 77";

	static final String OWNER_MAIL = "ottilie@geheim.example";

	static final String NOTE = "Vertrouwelijke notitie over de erfenis";

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

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
	Campaigns campaigns;

	@Test
	void noPirkRouteShowsOwnerDataToAnonymousVisitorsOrToABeheerderWithoutTheFunction() throws Exception {
		Tenant mechelen = tenants.require("mechelen");
		String street = "Lekvrijestraat-" + System.nanoTime();
		RealEstate object = objects.create(mechelen,
				new RealEstateDraft(RealEstateKind.BUILDING_UNIT, null, null, null, null, null,
						new RealEstate.Address(street, "13", null, "2800", "Mechelen"), "WONEN",
						"{\"type\":\"Point\",\"coordinates\":[4.4781,51.0277]}", false));
		OwnerCase ownerCase = cases.open(mechelen, object.id(), "leegstand.mechelen", false);
		long owner = contacts.add(mechelen, ownerCase.id(), new OwnerForm(OWNER, "PERSON", OWNER_STREET, "2800",
				"Mechelen", OWNER_MAIL, "+32 15 00 00 00", null, null), "leegstand.mechelen");
		cases.addNote(mechelen, ownerCase.id(), "CALL", null, NOTE, "leegstand.mechelen");
		Campaign campaign = campaigns.create(mechelen, "Lekcampagne",
				new ObjectFilter(null, null, null, null, null, null, null, null, street), null, false,
				"redacteur.mechelen");
		campaigns.send(mechelen, campaign.id(), campaign.version(), "leegstand.mechelen");
		List<String> ids = List.of(String.valueOf(object.id()), String.valueOf(ownerCase.id()), String.valueOf(owner),
				String.valueOf(campaign.id()));

		List<String> paths = paths(ids);
		assertThat(paths).as("PIRK's GET routes")
			.contains("/mechelen/pirk/publiek", "/mechelen/pirk/eigenaars",
					"/mechelen/pirk/eigenaars/" + ownerCase.id(), "/mechelen/pirk/campagnes/" + campaign.id());
		List<String> leaks = new ArrayList<>();
		for (String path : paths) {
			for (String user : new String[] { null, "beheerder.mechelen", "lezer.mechelen" }) {
				MockHttpServletResponse response = perform(get(path).queryParam("text", street), user);
				String body = response.getContentAsString();
				for (String secret : List.of(OWNER, OWNER_STREET, OWNER_MAIL, NOTE)) {
					if (body.contains(secret)) {
						leaks.add(path + " as " + user + " (" + response.getStatus() + ") shows " + secret);
					}
				}
				if (user == null && body.contains(street)) {
					leaks.add(path + " as anonymous (" + response.getStatus() + ") shows the object's address");
				}
			}
		}
		assertThat(leaks).isEmpty();

		MockHttpServletResponse allowed = perform(get("/mechelen/pirk/eigenaars/" + ownerCase.id()),
				"leegstand.mechelen");
		assertThat(allowed.getContentAsString()).as("the vacancy officer does see them").contains(OWNER, NOTE);
	}

	/** Every GET route of PIRK with each path variable set to each id. */
	private List<String> paths(List<String> ids) {
		Set<String> paths = new LinkedHashSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			for (String pattern : info.getPatternValues()) {
				if (!pattern.contains("/pirk")) {
					continue;
				}
				String tenant = pattern.replace("{slug}", "mechelen");
				if (!tenant.contains("{")) {
					paths.add(tenant);
					continue;
				}
				for (String id : ids) {
					paths.add(tenant.replaceAll("\\{\\*?[^}]+}", id));
				}
			}
		}
		return new ArrayList<>(paths);
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String username) throws Exception {
		if (username != null) {
			ObmiUser user = accounts.loadUserByUsername(username);
			request.with(authentication(
					UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

}
