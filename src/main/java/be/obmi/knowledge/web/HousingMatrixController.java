package be.obmi.knowledge.web;

import java.util.List;

import be.obmi.knowledge.housing.HousingDiff;
import be.obmi.knowledge.housing.HousingMatrices;
import be.obmi.knowledge.housing.HousingMatrix;
import be.obmi.knowledge.housing.HousingRound;
import be.obmi.knowledge.housing.HousingRounds;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public matrix of the cities' housing-policy instruments (now or as a closed round
 * froze it), its CSV download and the diff between two rounds (or a round and now).
 */
@Controller
@RequestMapping("/kennis/woonbeleid")
class HousingMatrixController {

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final HousingMatrices matrices;

	private final HousingRounds rounds;

	HousingMatrixController(HousingMatrices matrices, HousingRounds rounds) {
		this.matrices = matrices;
		this.rounds = rounds;
	}

	@GetMapping
	String matrix(@RequestParam(required = false) Long ronde, Model model) {
		HousingMatrix matrix = matrix(ronde);
		model.addAttribute("matrix", matrix);
		model.addAttribute("closedRounds", rounds.closed());
		return "knowledge/housing-matrix";
	}

	@GetMapping("/matrix.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) Long ronde) {
		HousingMatrix matrix = matrix(ronde);
		String name = "woonbeleidsinstrumenten-" + (matrix.round() == null ? "huidig" : matrix.round().id()) + ".csv";
		return ResponseEntity.ok()
			.contentType(CSV)
			.header("Content-Disposition", ContentDisposition.attachment().filename(name).build().toString())
			.body(matrices.csv(matrix));
	}

	@GetMapping("/verschil")
	String diff(@RequestParam(required = false) Long van, @RequestParam(required = false) Long tot, Model model) {
		List<HousingRound> closed = rounds.closed();
		model.addAttribute("closedRounds", closed);
		HousingRound from = van != null ? round(van) : closed.isEmpty() ? null : closed.getFirst();
		if (from != null) {
			HousingMatrix to = tot == null ? matrices.current() : matrices.of(round(tot));
			model.addAttribute("diff", HousingDiff.between(matrices.of(from), to));
		}
		return "knowledge/housing-diff";
	}

	private HousingMatrix matrix(Long roundId) {
		return roundId == null ? matrices.current() : matrices.of(round(roundId));
	}

	private HousingRound round(long id) {
		return rounds.byId(id)
			.orElseThrow(() -> new NotFoundException(Reason.of("knowledge.refused.housing.roundUnknown", id)));
	}

}
