package be.obmi.buildings.web;

import be.obmi.buildings.comparison.ComparisonMatrices;
import be.obmi.buildings.comparison.ComparisonMatrix;
import be.obmi.identity.TenantAccess;
import be.obmi.knowledge.KnowledgeRounds;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The comparison matrix for members (any logged-in account): per process the compared
 * cities' rows in a round with the previous round's diff, and its CSV and XLSX exports.
 * The security filter lets the paths through ({@link BuildingsComparisonPublicRoutes});
 * this controller sends anonymous visitors to the login.
 */
@Controller
@RequestMapping("/schillenboek/vergelijking")
class ComparisonMatrixController {

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ComparisonMatrices matrices;

	private final KnowledgeRounds rounds;

	private final TenantAccess access;

	ComparisonMatrixController(ComparisonMatrices matrices, KnowledgeRounds rounds, TenantAccess access) {
		this.matrices = matrices;
		this.rounds = rounds;
		this.access = access;
	}

	@GetMapping
	String matrix(@RequestParam(name = "ronde", required = false) Long round,
			@RequestParam(name = "proces", required = false) String process, Model model) {
		ComparisonMatrix matrix = matrix(round);
		model.addAttribute("matrix", matrix);
		model.addAttribute("rounds", rounds.all());
		model.addAttribute("chosen", process == null ? null
				: matrix.processes().stream().filter(p -> p.code().equals(process)).findFirst().orElse(null));
		return "buildings/comparison-matrix";
	}

	@GetMapping("/matrix.csv")
	ResponseEntity<byte[]> csv(@RequestParam(name = "ronde", required = false) Long round) {
		ComparisonMatrix matrix = matrix(round);
		return download(matrices.csv(matrix), CSV, name(matrix) + ".csv");
	}

	@GetMapping("/matrix.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(name = "ronde", required = false) Long round) {
		ComparisonMatrix matrix = matrix(round);
		return download(matrices.xlsx(matrix), XLSX, name(matrix) + ".xlsx");
	}

	private ComparisonMatrix matrix(Long round) {
		if (access.currentUser().isEmpty()) {
			throw new AccessDeniedException("Niet aangemeld");
		}
		if (round != null && rounds.byId(round).isEmpty()) {
			throw new NotFoundException(Reason.of("buildings.refused.comparison.roundUnknown", round));
		}
		return matrices.of(round);
	}

	private static String name(ComparisonMatrix matrix) {
		return "schillenboek-vergelijking-" + (matrix.round() == null ? "leeg" : matrix.round().id());
	}

	static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header("Content-Disposition", ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

}
