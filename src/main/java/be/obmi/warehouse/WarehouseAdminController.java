package be.obmi.warehouse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform admin's warehouse page and API: the rebuild log, and a rebuild on demand.
 */
@Controller
@Tag(name = "Warehouse", description = "Heropbouw van het datawarehouse (platformbeheer)")
class WarehouseAdminController {

	static final String VIEW = "warehouse/admin";

	private final WarehouseRebuild rebuild;

	WarehouseAdminController(WarehouseRebuild rebuild) {
		this.rebuild = rebuild;
	}

	@GetMapping("/platform/warehouse")
	String page(Model model) {
		model.addAttribute("log", rebuild.log(20));
		return VIEW;
	}

	@PostMapping("/platform/warehouse")
	String rebuildNow(RedirectAttributes redirect) {
		WarehouseRebuild.Result result = rebuild.rebuild("platformbeheerder");
		redirect.addFlashAttribute("result", result);
		return "redirect:/platform/warehouse";
	}

	@PostMapping("/api/v1/platform/warehouse/rebuild")
	@ResponseBody
	@PreAuthorize("hasRole('PLATFORMBEHEERDER')")
	@Operation(
			summary = "Het warehouse volledig heropbouwen (enkel platformbeheerder); de vorige versie blijft bij een fout")
	ResponseEntity<WarehouseRebuild.Result> rebuildApi() {
		WarehouseRebuild.Result result = rebuild.rebuild("api");
		return ResponseEntity.status(result.succeeded() ? HttpStatus.OK : HttpStatus.INTERNAL_SERVER_ERROR)
			.body(result);
	}

}
