package be.obmi.plan.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import be.obmi.plan.domain.Assignments;
import be.obmi.plan.domain.CouncilReport;
import be.obmi.plan.domain.CouncilReports;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.StatusUpdateForm;
import be.obmi.plan.domain.UpdateAttachments;
import be.obmi.plan.domain.UpdateComments;
import be.obmi.plan.domain.UpdateState;
import be.obmi.shared.BelgianNumber;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.PlausibleDate;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import be.obmi.plan.domain.Indicators;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;

/**
 * Status rounds: a plan manager opens and closes rounds, approves, sends back and
 * publishes updates; a contributor sees their task list and reports per item. Also the
 * council report of a round, as page and PDF.
 * <p>
 * Over 300 lines because it holds the screens of one status round (list, round page,
 * update form, approval actions, report); they share the round's access checks.
 */
@Controller
@RequestMapping("/{slug}/plan")
class RoundController {

	static final String ROUNDS_VIEW = "plan/rounds";

	static final String ROUND_VIEW = "plan/round";

	static final String TASKS_VIEW = "plan/tasks";

	static final String UPDATE_VIEW = "plan/update";

	static final String REPORT_VIEW = "plan/report";

	private final PlanPages pages;

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final StatusRounds rounds;

	private final PlanItems items;

	private final CouncilReports reports;

	private final ReportPdf pdf;

	private final ReportDocx docx;

	private final ReportContent content;

	private final MessageSource messages;

	private final Indicators indicators;

	private final Assignments assignments;

	private final UpdateComments comments;

	private final UpdateAttachments attachments;

	RoundController(PlanPages pages, StatusRounds rounds, PlanItems items, CouncilReports reports, ReportPdf pdf,
			ReportDocx docx, ReportContent content, MessageSource messages, Indicators indicators,
			Assignments assignments, UpdateComments comments, UpdateAttachments attachments) {
		this.attachments = attachments;
		this.assignments = assignments;
		this.comments = comments;
		this.docx = docx;
		this.content = content;
		this.indicators = indicators;
		this.messages = messages;
		this.pages = pages;
		this.rounds = rounds;
		this.items = items;
		this.reports = reports;
		this.pdf = pdf;
	}

	@GetMapping("/rondes")
	String rounds(Tenant tenant, Model model) {
		Plan plan = pages.plan(tenant);
		model.addAttribute("plan", plan);
		model.addAttribute("rounds", rounds.rounds(plan));
		model.addAttribute("canEdit", pages.canEdit(tenant));
		model.addAttribute("scopes", StatusRound.Scope.values());
		if (pages.canEdit(tenant)) {
			model.addAttribute("unassigned", assignments.unassigned(plan));
			model.addAttribute("candidates", assignments.candidates(tenant));
		}
		return ROUNDS_VIEW;
	}

	@PostMapping("/rondes")
	String open(Tenant tenant, @RequestParam @Size(max = 200) String name,
			@RequestParam(required = false) @PlausibleDate @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate referenceDate,
			@RequestParam(required = false) @PlausibleDate @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
			@RequestParam StatusRound.Scope scope, @RequestParam(required = false) @Size(max = 20000) String selection,
			RedirectAttributes redirect) {
		String actor = pages.requireEditor(tenant).getUsername();
		Plan plan = pages.plan(tenant);
		List<Long> ids = selection == null ? List.of() : Arrays.stream(selection.split("[\\s,;]+"))
			.filter(s -> !s.isBlank())
			.map(code -> items.byCode(plan, code.trim())
				.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.codeUnknown", code.trim())))
				.id())
			.toList();
		StatusRound round = rounds.open(tenant, plan, name, referenceDate, deadline, scope, ids, actor);
		return "redirect:/" + tenant.slug() + "/plan/rondes/" + round.id();
	}

	@GetMapping("/rondes/{id}")
	String round(Tenant tenant, @PathVariable long id, Model model) {
		StatusRound round = round(tenant, id);
		List<StatusRounds.Task> tasks = rounds.tasks(tenant, round);
		model.addAttribute("round", round);
		model.addAttribute("tasks", tasks);
		model.addAttribute("canEdit", pages.canEdit(tenant));
		model.addAttribute("submitted", tasks.stream().filter(StatusRounds.Task::submitted).count());
		model.addAttribute("approved",
				tasks.stream()
					.filter(t -> t.update() != null && (t.update().state() == UpdateState.GOEDGEKEURD
							|| t.update().state() == UpdateState.GEPUBLICEERD))
					.count());
		model.addAttribute("published",
				tasks.stream()
					.filter(t -> t.update() != null && t.update().state() == UpdateState.GEPUBLICEERD)
					.count());
		Map<String, Long> missing = new TreeMap<>();
		tasks.stream().filter(t -> !t.submitted()).forEach(t -> missing.merge(owner(t), 1L, Long::sum));
		model.addAttribute("missing", missing);
		model.addAttribute("comments", pages.canEdit(tenant) ? comments.ofRound(tenant, id) : Map.of());
		if (pages.canEdit(tenant)) {
			model.addAttribute("unassigned",
					tasks.stream()
						.map(StatusRounds.Task::item)
						.filter(i -> i.contributor() == null || i.contributor().isBlank())
						.toList());
			model.addAttribute("candidates", assignments.candidates(tenant));
		}
		return ROUND_VIEW;
	}

	private static String owner(StatusRounds.Task task) {
		if (task.item().contributor() != null) {
			return task.item().contributor();
		}
		return task.item().administrativeOwner() == null ? "—" : task.item().administrativeOwner();
	}

	@PostMapping("/rondes/{id}/updates/{updateId}/goedkeuren")
	String approve(Tenant tenant, @PathVariable long id, @PathVariable long updateId, RedirectAttributes redirect) {
		String actor = pages.requireEditor(tenant).getUsername();
		return act(tenant, id, redirect, () -> rounds.approve(tenant, checked(tenant, id, updateId), actor),
				"approved");
	}

	@PostMapping("/rondes/{id}/updates/{updateId}/terugsturen")
	String sendBack(Tenant tenant, @PathVariable long id, @PathVariable long updateId,
			@RequestParam @Size(max = 2000) String remark, RedirectAttributes redirect) {
		String actor = pages.requireEditor(tenant).getUsername();
		return act(tenant, id, redirect, () -> rounds.sendBack(tenant, checked(tenant, id, updateId), remark, actor),
				"sentBack");
	}

	@PostMapping("/rondes/{id}/updates/{updateId}/publiceren")
	String publish(Tenant tenant, @PathVariable long id, @PathVariable long updateId, RedirectAttributes redirect) {
		pages.requireEditor(tenant);
		return act(tenant, id, redirect, () -> rounds.publish(tenant, checked(tenant, id, updateId)), "published");
	}

	@PostMapping("/rondes/{id}/goedkeuren")
	String approveAll(Tenant tenant, @PathVariable long id, RedirectAttributes redirect) {
		String actor = pages.requireEditor(tenant).getUsername();
		round(tenant, id);
		return act(tenant, id, redirect, () -> rounds.approveSubmitted(tenant, id, actor), "approvedAll");
	}

	@PostMapping("/rondes/{id}/publiceren")
	String publishAll(Tenant tenant, @PathVariable long id, RedirectAttributes redirect) {
		pages.requireEditor(tenant);
		round(tenant, id);
		return act(tenant, id, redirect, () -> rounds.publishApproved(tenant, id), "published");
	}

	@PostMapping("/rondes/{id}/afsluiten")
	String close(Tenant tenant, @PathVariable long id, RedirectAttributes redirect) {
		pages.requireEditor(tenant);
		round(tenant, id);
		return act(tenant, id, redirect, () -> rounds.close(tenant, id), "closed");
	}

	@PostMapping("/rondes/{id}/teksten")
	String texts(Tenant tenant, @PathVariable long id,
			@RequestParam(required = false) @Size(max = 20000) String changedAssumptions,
			@RequestParam(required = false) @Size(max = 20000) String changedRisks, @RequestParam int version,
			RedirectAttributes redirect) {
		pages.requireEditor(tenant);
		round(tenant, id);
		return act(tenant, id, redirect,
				() -> rounds.saveReportTexts(tenant, id, changedAssumptions, changedRisks, version), "textsSaved");
	}

	private long checked(Tenant tenant, long roundId, long updateId) {
		return rounds.update(tenant, updateId)
			.filter(u -> u.roundId() == roundId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))
			.id();
	}

	private String act(Tenant tenant, long roundId, RedirectAttributes redirect, Runnable action, String done) {
		try {
			action.run();
			redirect.addFlashAttribute("done", "plan.round.done." + done);
		}
		catch (ConcurrentChangeException | IllegalStateException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", Texts.reason(messages, ex, LocaleContextHolder.getLocale()));
		}
		return "redirect:/" + tenant.slug() + "/plan/rondes/" + roundId;
	}

	@GetMapping("/taken")
	String tasks(Tenant tenant, Model model) {
		Plan plan = pages.plan(tenant);
		String user = pages.username();
		model.addAttribute("tasks", user == null ? List.of() : rounds.tasksOf(tenant, plan, user));
		return TASKS_VIEW;
	}

	@GetMapping("/rondes/{id}/items/{itemId}")
	String updateForm(Tenant tenant, @PathVariable long id, @PathVariable long itemId, Model model) {
		StatusRounds.Task task = task(tenant, id, itemId);
		model.addAttribute("form", StatusUpdateForm.of(task.update()));
		return updatePage(tenant, task, model);
	}

	private String updatePage(Tenant tenant, StatusRounds.Task task, Model model) {
		model.addAttribute("task", task);
		model.addAttribute("statuses", ItemStatus.values());
		model.addAttribute("editable", task.round().open() && pages.canReport(tenant, task.item())
				&& (task.update() == null || task.update().state() == UpdateState.CONCEPT));
		model.addAttribute("history", rounds.history(tenant, task.item().id(), false));
		model.addAttribute("indicators", indicators.of(tenant, task.item().id()));
		boolean mayTalk = task.update() != null && pages.canReport(tenant, task.item());
		model.addAttribute("comments", mayTalk ? comments.of(tenant, task.update().id()) : List.of());
		model.addAttribute("canComment", mayTalk && task.round().open());
		model.addAttribute("attachments", mayTalk ? attachments.of(tenant, task.update().id()) : List.of());
		model.addAttribute("attachmentMax", attachments.maxSize().toMegabytes());
		return UPDATE_VIEW;
	}

	@PostMapping("/rondes/{id}/items/{itemId}")
	String saveUpdate(Tenant tenant, @PathVariable long id, @PathVariable long itemId,
			@Valid @ModelAttribute("form") StatusUpdateForm form, BindingResult errors,
			@RequestParam(defaultValue = "save") @Pattern(regexp = "save|submit") String action,
			@RequestParam Map<String, String> measurements, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		StatusRounds.Task task = task(tenant, id, itemId);
		if (!pages.canReport(tenant, task.item())) {
			throw new AccessDeniedException("Niet jouw item");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return updatePage(tenant, task, model);
		}
		try {
			List<Runnable> newMeasurements = measurements(tenant, task, measurements);
			rounds.save(tenant, id, itemId, form, "submit".equals(action), pages.username());
			newMeasurements.forEach(Runnable::run);
			redirect.addFlashAttribute("done", "submit".equals(action) ? "plan.update.submitted" : "plan.update.saved");
			redirect.addFlashAttribute("doneCode", task.item().code());
			String mismatch = form.status().mismatch(form.progress());
			if (mismatch != null) {
				redirect.addFlashAttribute("mismatch", mismatch);
				redirect.addFlashAttribute("mismatchProgress", form.progress());
				redirect.addFlashAttribute("mismatchStatus", form.status().messageKey());
			}
			return "redirect:/" + tenant.slug() + "/plan/taken";
		}
		catch (ConcurrentChangeException | IllegalStateException | IllegalArgumentException ex) {
			response.setStatus(ex instanceof ConcurrentChangeException ? HttpStatus.CONFLICT.value()
					: HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", Texts.reason(messages, ex, LocaleContextHolder.getLocale()));
			return updatePage(tenant, task(tenant, id, itemId), model);
		}
	}

	/**
	 * New measurements given with an update ({@code meting-<indicator id>}), dated on the
	 * round's reference date; only for the item's own indicators. Checked before the
	 * update is saved, stored after it.
	 * @throws RefusedValueException for a number that is none
	 */
	private List<Runnable> measurements(Tenant tenant, StatusRounds.Task task, Map<String, String> params) {
		List<Runnable> work = new ArrayList<>();
		for (var details : indicators.of(tenant, task.item().id())) {
			String value = params.get("meting-" + details.indicator().id());
			if (value == null || value.isBlank()) {
				continue;
			}
			Reason what = Reason.of("plan.refused.what.measurementOf", details.indicator().name());
			if (value.length() > 200) {
				throw new RefusedValueException(Reason.of("plan.refused.valueTooLong", what));
			}
			BigDecimal number = null;
			if (!details.text()) {
				number = BelgianNumber.parse(value)
					.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.measurementInvalid",
							details.indicator().name(), value.length() > 40 ? value.substring(0, 40) + "…" : value)));
				Indicators.checkNumber(number, what);
			}
			BigDecimal measured = number;
			work.add(() -> indicators.measure(tenant, details.indicator().id(), task.round().referenceDate(), measured,
					measured == null ? value : null, task.round().name(), null));
		}
		return work;
	}

	@GetMapping("/rondes/{id}/rapport")
	String report(Tenant tenant, @PathVariable long id, Model model, Locale locale) {
		CouncilReport report = reports.of(tenant, round(tenant, id));
		model.addAttribute("report", report);
		String measured = messages.getMessage("plan.chart.measured", null, locale);
		String target = messages.getMessage("plan.chart.target", null, locale);
		Map<Long, String> charts = new HashMap<>();
		report.indicators()
			.values()
			.forEach(list -> list.stream()
				.filter(d -> !d.text())
				.forEach(d -> charts.put(d.indicator().id(), Charts.indicator(d, measured, target))));
		model.addAttribute("charts", charts);
		model.addAttribute("statuses", ItemStatus.values());
		return REPORT_VIEW;
	}

	@GetMapping("/rondes/{id}/rapport.pdf")
	ResponseEntity<byte[]> reportPdf(Tenant tenant, @PathVariable long id, Locale locale) {
		CouncilReport report = reports.of(tenant, round(tenant, id));
		byte[] body = pdf.render(content.of(tenant, report, locale), locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition",
					ContentDisposition.attachment()
						.filename("opvolgingsrapport-" + tenant.slug() + "-" + id + ".pdf")
						.build()
						.toString())
			.body(body);
	}

	@GetMapping("/rondes/{id}/rapport.docx")
	ResponseEntity<byte[]> reportDocx(Tenant tenant, @PathVariable long id, Locale locale) {
		CouncilReport report = reports.of(tenant, round(tenant, id));
		byte[] body = docx.render(content.of(tenant, report, locale), locale);
		return ResponseEntity.ok()
			.contentType(DOCX)
			.header("Content-Disposition",
					ContentDisposition.attachment()
						.filename("opvolgingsrapport-" + tenant.slug() + "-" + id + ".docx")
						.build()
						.toString())
			.body(body);
	}

	private StatusRound round(Tenant tenant, long id) {
		return rounds.round(tenant, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private StatusRounds.Task task(Tenant tenant, long roundId, long itemId) {
		return rounds.task(tenant, roundId, itemId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
