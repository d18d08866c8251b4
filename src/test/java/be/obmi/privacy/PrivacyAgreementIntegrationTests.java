package be.obmi.privacy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import be.obmi.privacy.domain.Agreement;
import be.obmi.privacy.domain.AgreementForm;
import be.obmi.privacy.domain.AgreementStatus;
import be.obmi.privacy.domain.Agreements;
import be.obmi.privacy.domain.Breaches;
import be.obmi.shared.RefusedValueException;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Processor agreements: the checks of the form (KBO number, dates, sub-processor lines),
 * the status derived from the dates, and the signed document (a PDF by its content).
 */
@ObmiIntegrationTest
class PrivacyAgreementIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Agreements agreements;

	@Test
	void theFormIsCheckedAndNothingIsStoredWhenRefused() {
		Tenant tenant = tenants.require("kortrijk");
		int before = agreements.of(tenant).size();
		assertThatThrownBy(
				() -> agreements.create(tenant, form("Fout KBO nv", "0207.451.228", null, null, null), false))
			.isInstanceOf(RefusedValueException.class)
			.hasMessageContaining("KBO");
		assertThatThrownBy(() -> agreements.create(tenant,
				form("Datums nv", null, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 30), null), false))
			.isInstanceOf(RefusedValueException.class);
		assertThatThrownBy(() -> agreements.create(tenant, form("Sub nv", null, null, null, "Alleen een naam"), false))
			.isInstanceOf(RefusedValueException.class);
		assertThat(agreements.of(tenant)).hasSize(before);

		long id = agreements.create(tenant,
				form("Goed KBO nv", "BE 0207 451 227", null, null, "Hosting bv ; België\n\n Mail Inc;VS "), false);
		Agreement stored = agreements.byId(tenant, id).orElseThrow();
		assertThat(stored.kboNumber()).isEqualTo("0207451227");
		assertThat(stored.subProcessorList()).containsExactly(new Agreement.SubProcessor("Hosting bv", "België"),
				new Agreement.SubProcessor("Mail Inc", "VS"));
	}

	@Test
	void theStatusFollowsTheDates() {
		Tenant tenant = tenants.require("kortrijk");
		LocalDate today = LocalDate.now(Breaches.BELGIUM);
		assertThat(status(tenant, null, today.plusDays(10), today)).isEqualTo(AgreementStatus.DRAFT);
		assertThat(status(tenant, today.minusYears(1), today.plusDays(31), today)).isEqualTo(AgreementStatus.ACTIVE);
		assertThat(status(tenant, today.minusYears(1), today.plusDays(30), today)).isEqualTo(AgreementStatus.EXPIRING);
		assertThat(status(tenant, today.minusYears(1), today, today)).isEqualTo(AgreementStatus.EXPIRING);
		assertThat(status(tenant, today.minusYears(1), today.minusDays(1), today)).isEqualTo(AgreementStatus.EXPIRED);
	}

	@Test
	void onlyAPdfIsStoredAndEveryMemberDownloadsIt() {
		Tenant tenant = tenants.require("kortrijk");
		long id = agreements.create(tenant, form("Document nv", null, null, null, null), false);
		assertThatThrownBy(() -> agreements.attach(tenant, id, "vermomd.pdf", PrivacyAgreementDocumentSamples.NOT_PDF))
			.isInstanceOf(RefusedValueException.class);
		assertThat(agreements.document(tenant, id)).isEmpty();

		PageSession redacteur = PageSession.login(port, "redacteur.kortrijk");
		String token = redacteur.csrf("/kortrijk/privacy/overeenkomsten/" + id);
		HttpResponse<String> refused = redacteur.upload(
				"/kortrijk/privacy/overeenkomsten/" + id + "/document?_csrf=" + token, "nep.pdf",
				PrivacyAgreementDocumentSamples.NOT_PDF);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Het bestand is geen PDF.");
		HttpResponse<String> stored = redacteur.upload(
				"/kortrijk/privacy/overeenkomsten/" + id + "/document?_csrf=" + token, "getekend.pdf",
				PrivacyAgreementDocumentSamples.PDF);
		assertThat(stored.statusCode()).isEqualTo(302);

		HttpResponse<String> download = PageSession.login(port, "lezer.kortrijk")
			.get("/kortrijk/privacy/overeenkomsten/" + id + "/document");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(download.body()).startsWith("%PDF-1.4");
	}

	@Test
	void aRefusedFormShowsEveryErrorInDutchAndStoresNothing() {
		Tenant tenant = tenants.require("kortrijk");
		int before = agreements.of(tenant).size();
		PageSession redacteur = PageSession.login(port, "redacteur.kortrijk");
		String token = redacteur.csrf("/kortrijk/privacy/overeenkomsten/nieuw");
		HttpResponse<String> refused = redacteur.post("/kortrijk/privacy/overeenkomsten",
				"counterparty=&cityRole=CONTROLLER&endOn=2025-02-30&version=12abc&_csrf=" + token);
		assertThat(refused.statusCode()).isEqualTo(400);
		// values that are no date or number: the form cannot be made, so those errors are
		// shown
		assertThat(refused.body()).contains("Geef een bestaande datum", "Geef een geheel getal");
		HttpResponse<String> empty = redacteur.post("/kortrijk/privacy/overeenkomsten",
				"counterparty=+&cityRole=CONTROLLER&endOn=2026-02-28&subProcessors=zonder+land&version=0&_csrf="
						+ token);
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("Vul de tegenpartij in.", "value=\"2026-02-28\"");
		HttpResponse<String> line = redacteur.post("/kortrijk/privacy/overeenkomsten",
				"counterparty=Lijn+nv&cityRole=CONTROLLER&subProcessors=zonder+land&version=0&_csrf=" + token);
		assertThat(line.statusCode()).isEqualTo(400);
		assertThat(line.body()).contains("Schrijf elke subverwerker als naam;land, niet als &quot;zonder land&quot;.");
		assertThat(agreements.of(tenant)).hasSize(before);
		HttpResponse<String> breach = redacteur.post("/kortrijk/privacy/datalekken",
				"discoveredAt=gisteren&description=Foute+tijd&nature=INTEGRITY&version=0&_csrf=" + token);
		assertThat(breach.statusCode()).isEqualTo(400);
		assertThat(breach.body()).contains("Deze waarde is ongeldig.").doesNotContain("Foute tijd</a>");
	}

	AgreementStatus status(Tenant tenant, LocalDate signed, LocalDate end, LocalDate today) {
		long id = agreements.create(tenant, new AgreementForm("Status nv", null, "PROCESSOR", null, signed, null, end,
				null, null, null, null, List.of(), 0), false);
		return agreements.byId(tenant, id).orElseThrow().status(today, agreements.reminderDays());
	}

	static AgreementForm form(String counterparty, String kbo, LocalDate start, LocalDate end, String subProcessors) {
		return new AgreementForm(counterparty, kbo, "CONTROLLER", null, null, start, end, null, subProcessors, null,
				null, List.of(), 0);
	}

}
