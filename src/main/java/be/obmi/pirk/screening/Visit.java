package be.obmi.pirk.screening;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import be.obmi.pirk.domain.VacancyClass;

/** A recorded screening visit and what it changed. */
public record Visit(long id, long realEstateId, LocalDate visitedOn, String visitor, String outcome,
		Integer vacantShare, String note, VacancyClass classBefore, VacancyClass classAfter, String recordedBy,
		OffsetDateTime recordedAt) {

}
