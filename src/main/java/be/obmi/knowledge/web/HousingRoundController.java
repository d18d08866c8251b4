package be.obmi.knowledge.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import be.obmi.identity.TenantAccess;
import be.obmi.knowledge.housing.HousingRound;
import be.obmi.knowledge.housing.HousingRoundMails;
import be.obmi.knowledge.housing.HousingRounds;
import be.obmi.knowledge.housing.RoundCity;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Period;
import be.obmi.shared.PlausibleDate;
import be.obmi.shared.Reason;
import be.obmi.shared.Texts;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Kenniscentrum's editors open, follow, remind and close the half-yearly rounds of
 * the housing-policy instruments.
 */
@Controller
@RequestMapping("/kenniscentrum/woonbeleid/rondes")
class HousingRoundController {

	private static final String ROUNDS = "/kenniscentrum/woonbeleid/rondes";

	private final HousingRounds rounds;

	private final HousingRoundMails mails;

	private final TenantAccess access;

	private final MessageSource messages;

	HousingRoundController(HousingRounds rounds, HousingRoundMails mails, TenantAccess access, MessageSource messages) {
		this.rounds = rounds;
		this.mails = mails;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping
	String rounds(Model model) {
		access.requireKenniscentrum();
		model.addAttribute("rounds", rounds.all());
		model.addAttribute("openRound", rounds.openRound().orElse(null));
		model.addAttribute("suggestedName", suggestedName(LocalDate.now()));
		return "knowledge/housing-rounds";
	}

	/** The next semester in OBMi's notation with a space: {@code 2026 S2}. */
	static String suggestedName(LocalDate today) {
		Period next = new Period(today.getMonthValue() <= 6 ? today.getYear() : today.getYear() + 1,
				Period.Kind.SEMESTER, today.getMonthValue() <= 6 ? 2 : 1);
		return next.year() + " S" + next.number();
	}

	@PostMapping
	String open(@RequestParam @Size(max = 40) String name, @RequestParam(
			required = false) @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
			RedirectAttributes redirect) {
		String actor = access.requireKenniscentrum().getUsername();
		try {
			HousingRound round = rounds.open(name, deadline, LocalDate.now(), actor, false);
			int sent = mails.opening(round);
			redirect.addFlashAttribute("done", "knowledge.housing.round.done.opened");
			redirect.addFlashAttribute("mailed", sent);
			return "redirect:" + ROUNDS + "/" + round.id();
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", Texts.reason(messages, ex, LocaleContextHolder.getLocale()));
			return "redirect:" + ROUNDS;
		}
	}

	@GetMapping("/{id}")
	String round(@PathVariable long id, Model model) {
		access.requireKenniscentrum();
		HousingRound round = round(id);
		var cities = rounds.cities(round);
		model.addAttribute("round", round);
		model.addAttribute("cities", cities);
		model.addAttribute("submitted", cities.stream().filter(RoundCity::submitted).count());
		return "knowledge/housing-round";
	}

	@PostMapping("/{id}/herinneren")
	String remind(@PathVariable long id, RedirectAttributes redirect) {
		String actor = access.requireKenniscentrum().getUsername();
		HousingRound round = round(id);
		if (!round.open()) {
			redirect.addFlashAttribute("error", closedText());
		}
		else {
			int sent = mails.remind(round, actor, LocalDate.now());
			redirect.addFlashAttribute("done", "knowledge.housing.round.done.reminded");
			redirect.addFlashAttribute("mailed", sent);
		}
		return "redirect:" + ROUNDS + "/" + id;
	}

	@PostMapping("/{id}/afsluiten")
	String close(@PathVariable long id, RedirectAttributes redirect) {
		String actor = access.requireKenniscentrum().getUsername();
		round(id);
		try {
			rounds.close(id, actor);
			redirect.addFlashAttribute("done", "knowledge.housing.round.done.closed");
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("error", Texts.reason(messages, ex, LocaleContextHolder.getLocale()));
		}
		return "redirect:" + ROUNDS + "/" + id;
	}

	private String closedText() {
		return messages.getMessage(Reason.of("knowledge.refused.housing.roundClosed"), LocaleContextHolder.getLocale());
	}

	private HousingRound round(long id) {
		return rounds.byId(id)
			.orElseThrow(() -> new NotFoundException(Reason.of("knowledge.refused.housing.roundUnknown", id)));
	}

}
