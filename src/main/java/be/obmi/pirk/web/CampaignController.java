package be.obmi.pirk.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.identity.TenantFunction;
import be.obmi.pirk.domain.ObjectFilter;
import be.obmi.pirk.domain.RealEstateKind;
import be.obmi.pirk.domain.VacancyClass;
import be.obmi.pirk.mobilisation.Campaign;
import be.obmi.pirk.mobilisation.Campaigns;
import be.obmi.pirk.mobilisation.OwnerCases;
import be.obmi.pirk.mobilisation.SavedFilters;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.Texts;
import be.obmi.shared.tabular.SpreadsheetText;
import be.obmi.tenancy.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saved filters and the campaigns built from them. Members read the campaigns (objects
 * and addresses, never owners); redacteurs save filters and create campaigns; sending a
 * campaign, which opens the owners' cases, also needs the function OWNER_DATA.
 */
@Controller
class CampaignController {

	static final String LIST = "pirk/campaigns";

	static final String FORM = "pirk/campaign-form";

	static final String DETAIL = "pirk/campaign";

	private final Campaigns campaigns;

	private final SavedFilters filters;

	private final OwnerCases cases;

	private final TenantAccess access;

	private final MessageSource messages;

	CampaignController(Campaigns campaigns, SavedFilters filters, OwnerCases cases, TenantAccess access,
			MessageSource messages) {
		this.campaigns = campaigns;
		this.filters = filters;
		this.cases = cases;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/{slug}/pirk/campagnes")
	String list(Tenant tenant, Model model) {
		model.addAttribute("campaigns", campaigns.list(tenant));
		model.addAttribute("filters", filters.list(tenant));
		model.addAttribute("counts", cases.counts(tenant));
		model.addAttribute("canEdit", access.has(tenant.slug(), Role.REDACTEUR));
		model.addAttribute("ownerData", access.has(tenant.slug(), TenantFunction.OWNER_DATA));
		return LIST;
	}

	@GetMapping("/{slug}/pirk/campagnes/nieuw")
	String form(Tenant tenant, @RequestParam Map<String, String> query,
			@RequestParam(name = "filter", required = false) Long savedFilterId, Model model) {
		access.require(tenant.slug(), Role.REDACTEUR);
		ObjectFilter filter = savedFilterId == null ? ObjectFilter.from(query)
				: filters.find(tenant, savedFilterId)
					.orElseThrow(() -> new NotFoundException(Reason.of("pirk.refused.filterUnknown")))
					.filter();
		model.addAttribute("filter", filter);
		model.addAttribute("savedFilterId", savedFilterId);
		model.addAttribute("filters", filters.list(tenant));
		model.addAttribute("classes", VacancyClass.values());
		model.addAttribute("kinds", RealEstateKind.values());
		return FORM;
	}

	@PostMapping("/{slug}/pirk/campagnes")
	String create(Tenant tenant, @RequestParam("title") @Size(max = 200) String title,
			@RequestParam(name = "filter", required = false) Long savedFilterId,
			@RequestParam Map<String, String> query, Locale locale, RedirectAttributes redirect) {
		ObmiUser user = access.require(tenant.slug(), Role.REDACTEUR);
		ObjectFilter filter = savedFilterId == null ? ObjectFilter.from(query)
				: filters.find(tenant, savedFilterId)
					.orElseThrow(() -> new NotFoundException(Reason.of("pirk.refused.filterUnknown")))
					.filter();
		Campaign created = campaigns.create(tenant, title, filter, savedFilterId, false, user.getUsername());
		redirect.addFlashAttribute("done", messages.getMessage("pirk.campaign.created", null, locale));
		return "redirect:/" + tenant.slug() + "/pirk/campagnes/" + created.id();
	}

	@GetMapping("/{slug}/pirk/campagnes/{id}")
	String detail(Tenant tenant, @PathVariable long id, Model model) {
		Campaign campaign = campaigns.require(tenant, id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("filter", SavedFilters.parse(campaign.query()));
		model.addAttribute("objects", campaigns.objects(tenant, campaign));
		model.addAttribute("canSend", access.has(tenant.slug(), Role.REDACTEUR)
				&& access.has(tenant.slug(), TenantFunction.OWNER_DATA) && !campaign.sent());
		model.addAttribute("letters", campaign.sent() && access.has(tenant.slug(), TenantFunction.OWNER_DATA));
		return DETAIL;
	}

	/**
	 * The letters of a sent campaign as CSV for a mail merge: the object's address, the
	 * owner's name and postal address (owner data: the function, every case logged).
	 */
	@GetMapping("/{slug}/pirk/campagnes/{id}/brieven.csv")
	void letters(Tenant tenant, @PathVariable long id, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		ObmiUser user = access.require(tenant.slug(), TenantFunction.OWNER_DATA);
		Campaign campaign = campaigns.require(tenant, id);
		List<Campaigns.Letter> letters = campaigns.letters(tenant, campaign, user.getUsername(),
				request.getRequestURI());
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"campagne-" + id + "-brieven.csv\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		StringBuilder csv = new StringBuilder("\uFEFFobject;eigenaar;adres_eigenaar\r\n");
		for (Campaigns.Letter letter : letters) {
			csv.append(cell(letter.objectAddress()))
				.append(';')
				.append(cell(letter.ownerName()))
				.append(';')
				.append(cell(letter.ownerAddress()))
				.append("\r\n");
		}
		response.getWriter().write(csv.toString());
	}

	private static String cell(String text) {
		String safe = SpreadsheetText.neutralised(text == null ? "" : text);
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

	@PostMapping("/{slug}/pirk/campagnes/{id}/verzenden")
	String send(Tenant tenant, @PathVariable long id, @RequestParam("version") int version, Locale locale,
			RedirectAttributes redirect) {
		ObmiUser user = access.require(tenant.slug(), TenantFunction.OWNER_DATA);
		access.require(tenant.slug(), Role.REDACTEUR);
		try {
			campaigns.send(tenant, id, version, user.getUsername());
			redirect.addFlashAttribute("done", messages.getMessage("pirk.campaign.sentDone", null, locale));
		}
		catch (IllegalStateException | ConcurrentChangeException ex) {
			redirect.addFlashAttribute("error", Texts.reason(messages, ex, locale));
		}
		return "redirect:/" + tenant.slug() + "/pirk/campagnes/" + id;
	}

	@PostMapping("/{slug}/pirk/filters")
	String saveFilter(Tenant tenant, @RequestParam("name") @Size(max = 120) String name,
			@RequestParam Map<String, String> query, Locale locale, RedirectAttributes redirect) {
		ObmiUser user = access.require(tenant.slug(), Role.REDACTEUR);
		filters.save(tenant, name, ObjectFilter.from(query), user.getUsername());
		redirect.addFlashAttribute("done", messages.getMessage("pirk.campaign.filterSaved", null, locale));
		return "redirect:/" + tenant.slug() + "/pirk/campagnes";
	}

	@PostMapping("/{slug}/pirk/filters/{id}/verwijderen")
	String deleteFilter(Tenant tenant, @PathVariable long id, Locale locale, RedirectAttributes redirect) {
		access.require(tenant.slug(), Role.REDACTEUR);
		filters.delete(tenant, id);
		redirect.addFlashAttribute("done", messages.getMessage("pirk.campaign.filterDeleted", null, locale));
		return "redirect:/" + tenant.slug() + "/pirk/campagnes";
	}

}
