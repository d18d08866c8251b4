package be.obmi.privacy.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A processor agreement (verwerkersovereenkomst, art. 28) of a tenant without its
 * document's bytes; {@code version} for optimistic locking.
 */
public record Agreement(long id, String counterparty, String kboNumber, String cityRole, String template,
		LocalDate signedOn, LocalDate startOn, LocalDate endOn, LocalDate renewalOn, String subProcessors,
		String transferCountry, String transferSafeguard, String documentName, Integer documentSize, boolean demo,
		int version) {

	/** A sub-processor as written on one line {@code name;country}. */
	public record SubProcessor(String name, String country) {
	}

	public AgreementStatus status(LocalDate today, int reminderDays) {
		return AgreementStatus.of(signedOn, endOn, today, reminderDays);
	}

	public List<SubProcessor> subProcessorList() {
		return subProcessors == null ? List.of()
				: Arrays.stream(subProcessors.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).map(line -> {
					int semicolon = line.indexOf(';');
					return new SubProcessor(line.substring(0, semicolon).strip(),
							line.substring(semicolon + 1).strip());
				}).toList();
	}

}
