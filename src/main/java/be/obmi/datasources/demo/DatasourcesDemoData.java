package be.obmi.datasources.demo;

import java.time.LocalDate;
import java.util.List;

import be.obmi.datasources.domain.DataRequest;
import be.obmi.datasources.domain.DataRequests;
import be.obmi.datasources.domain.RequestForm;
import be.obmi.datasources.domain.SourceForm;
import be.obmi.datasources.domain.Sources;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Component;

/**
 * Demo sources and requests of the Datapedia (only with {@code obmi.demo.enabled=true}),
 * marked as sample data, through the module's own services: six platform sources
 * (Statbel, Statistiek Vlaanderen, RSZ, KSZ, VDAB, the cadastre) linked to the demo
 * indicators of Stad in cijfers, an internal source of Gent and a public one of Mechelen,
 * a draft joint request of Gent that Mechelen joined and commented on, and one of
 * Antwerpen sent by the Kenniscentrum. Descriptions are illustrative. Loaded once: a
 * source whose code exists, or a request whose subject exists, is skipped.
 */
@Component
class DatasourcesDemoData implements ApplicationModuleInitializer {

	private static final Logger log = LoggerFactory.getLogger(DatasourcesDemoData.class);

	private static final String ACTOR = "demo";

	private static final String CC_BY = "https://creativecommons.org/licenses/by/4.0/";

	private final Sources sources;

	private final DataRequests requests;

	private final Tenants tenants;

	private final boolean enabled;

	DatasourcesDemoData(Sources sources, DataRequests requests, Tenants tenants,
			@Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.sources = sources;
		this.requests = requests;
		this.tenants = tenants;
		this.enabled = enabled;
	}

	@Override
	public void initialize() {
		if (!enabled) {
			return;
		}
		source(null, new SourceForm("statbel-bevolking", "Bevolking per statistische sector",
				"Population by statistical sector", "Statbel (Algemene Directie Statistiek)",
				"Inwoners op 1 januari naar leeftijd en geslacht per statistische sector, uit het Rijksregister.",
				"Residents on 1 January by age and sex per statistical sector, from the National Register.", "SECTOR",
				"België", "ANNUAL", LocalDate.of(2026, 6, 30), "Creative Commons Naamsvermelding 4.0", CC_BY,
				"Vrij te gebruiken met bronvermelding.", "statbel@economie.fgov.be",
				"Sectoren met weinig inwoners worden afgerond; adressen zonder sector vallen onder 'onbekend'.",
				"https://statbel.fgov.be/nl/open-data", true,
				List.of("bev_totaal", "bev_0_17", "bev_18_64", "bev_65plus", "bev_mannen", "bev_vrouwen")));
		source(null, new SourceForm("gemeente-stadsmonitor", "Gemeente-Stadsmonitor", "Municipal and City Monitor",
				"Statistiek Vlaanderen",
				"Enquête naar leefbaarheid, wonen en participatie, aangevuld met "
						+ "geregistreerde cijfers, per gemeente.",
				"Survey on liveability, housing and participation, with registered figures, per municipality.",
				"MUNICIPALITY", "Vlaanderen", "IRREGULAR", LocalDate.of(2026, 10, 1), "Modellicentie Gratis Hergebruik",
				"https://data.vlaanderen.be/id/licentie/modellicentie-gratis-hergebruik/v1.0", "Vrij te gebruiken.",
				"gemeente-stadsmonitor@vlaanderen.be",
				"Enquête om de drie jaar; kleine steekproeven in kleine gemeenten (ruime betrouwbaarheidsintervallen).",
				"https://gemeente-stadsmonitor.vlaanderen.be", true, List.of()));
		source(null,
				new SourceForm("rsz-werkgelegenheid", "Loontrekkende werkgelegenheid per gemeente",
						"Salaried employment per municipality", "Rijksdienst voor Sociale Zekerheid (RSZ)",
						"Arbeidsplaatsen van werknemers naar woon- en werkplaats per gemeente.",
						"Jobs of employees by place of residence and of work per municipality.", "MUNICIPALITY",
						"België", "QUARTERLY", LocalDate.of(2026, 3, 31), "Vrij hergebruik met bronvermelding", "",
						"Publicaties vrij; detailgegevens op aanvraag.", "stat@rsz.fgov.be",
						"De werkplaats is de vestiging die de werkgever opgeeft, niet altijd de echte werkplek.",
						"https://www.rsz.fgov.be/nl/statistieken", true, List.of()));
		source(null, new SourceForm("ksz-datawarehouse", "Datawarehouse arbeidsmarkt en sociale bescherming",
				"Data warehouse labour market and social protection", "Kruispuntbank van de Sociale Zekerheid (KSZ)",
				"Gepseudonimiseerde gegevens per persoon over werk, uitkeringen en sociale bescherming.",
				"Pseudonymised data per person on work, benefits and social protection.", "ATOMIC", "België", "ANNUAL",
				LocalDate.of(2026, 9, 1), "Op aanvraag", "",
				"Alleen met een beraadslaging van het Informatieveiligheidscomité; gegevens worden gepseudonimiseerd "
						+ "geleverd.",
				"datawarehouse@ksz-bcss.fgov.be", "Levering duurt doorgaans zes tot twaalf maanden.",
				"https://www.ksz-bcss.fgov.be", false, List.of()));
		source(null, new SourceForm("vdab-werkzoekenden", "Niet-werkende werkzoekenden", "Unemployed job seekers",
				"VDAB", "Niet-werkende werkzoekenden per gemeente en statistische sector.",
				"Unemployed job seekers per municipality and statistical sector.", "SECTOR", "Vlaanderen", "MONTHLY",
				LocalDate.of(2026, 1, 15), "Modellicentie Gratis Hergebruik",
				"https://data.vlaanderen.be/id/licentie/modellicentie-gratis-hergebruik/v1.0", "Vrij te gebruiken.",
				"arvastat@vdab.be", "Kleine aantallen per sector worden niet gepubliceerd.", "https://arvastat.vdab.be",
				true, List.of("werkzoekenden", "werkzoekenden_pct")));
		source(null, new SourceForm("kadaster-woningen", "Gebouwen- en woningenpark", "Buildings and dwellings",
				"FOD Financiën, Algemene Administratie van de Patrimoniumdocumentatie",
				"Gebouwen en woongelegenheden uit het kadaster per statistische sector.",
				"Buildings and dwellings from the cadastre per statistical sector.", "SECTOR", "België", "ANNUAL",
				LocalDate.of(2026, 5, 1), "Creative Commons Naamsvermelding 4.0", CC_BY, "Vrij te gebruiken.",
				"statbel@economie.fgov.be", "Het kadaster volgt verbouwingen met vertraging.",
				"https://statbel.fgov.be/nl/themas/bouwen-wonen", true, List.of("woningen")));
		Tenant gent = tenants.bySlug("gent").orElse(null);
		Tenant mechelen = tenants.bySlug("mechelen").orElse(null);
		Tenant antwerpen = tenants.bySlug("antwerpen").orElse(null);
		if (gent != null) {
			source(gent.id(), new SourceForm("bevolkingsregister", "Eigen bevolkingsregister (extract)",
					"Own population register (extract)", "Stad Gent, dienst Burgerzaken",
					"Maandelijks extract van het bevolkingsregister voor statistiek, gepseudonimiseerd.",
					"Monthly extract of the population register for statistics, pseudonymised.", "ATOMIC", "Gent",
					"MONTHLY", LocalDate.of(2026, 1, 5), "Intern", "",
					"Alleen voor het datateam, onder de verwerking 'Statistiek' van het register.", "data@stad.gent",
					"Adressen zonder huisnummer en verhuizingen met vertraging.", "", false, List.of()));
		}
		if (mechelen != null) {
			source(mechelen.id(), new SourceForm("fietstellingen", "Fietstellingen", "Bicycle counts",
					"Stad Mechelen, dienst Mobiliteit", "Fietsers per dag aan de vaste telpunten.",
					"Cyclists per day at the fixed counting points.", "ATOMIC", "Mechelen", "MONTHLY", null,
					"Modellicentie Gratis Hergebruik",
					"https://data.vlaanderen.be/id/licentie/modellicentie-gratis-hergebruik/v1.0", "Vrij te gebruiken.",
					"mobiliteit@mechelen.be", "Telpunt Vest buiten dienst in 2024.", "", true, List.of()));
		}
		List<String> titles = requests.all().stream().map(DataRequest::title).toList();
		String income = "Fiscale inkomens per statistische sector";
		if (gent != null && mechelen != null && !titles.contains(income)) {
			DataRequest draft = requests.create(gent.id(),
					new RequestForm(income, "Statbel", null,
							"Netto belastbaar inkomen (mediaan, gemiddelde, aangiften) per statistische sector voor de "
									+ "deelnemende steden.",
							"SECTOR", "2019", "2023"),
					true, ACTOR);
			requests.join(draft.id(), mechelen.id(), ACTOR);
			requests.comment(draft.id(), mechelen.id(), "Mechelen vraagt ook de verdeling in inkomensdecielen.", ACTOR);
		}
		String assistance = "Leefloners per statistische sector";
		if (antwerpen != null && !titles.contains(assistance)) {
			DataRequest sent = requests.create(antwerpen.id(),
					new RequestForm(assistance, "POD Maatschappelijke Integratie", null,
							"Aantal personen met een (equivalent) leefloon per statistische sector, per jaar.",
							"SECTOR", "2020", "2024"),
					true, ACTOR);
			requests.move(sent.id(), "SENT", null, "", ACTOR);
		}
	}

	private void source(Long tenantId, SourceForm form) {
		if (sources.byCode(tenantId, form.code()).isPresent()) {
			return;
		}
		try {
			sources.create(tenantId, form, true, ACTOR);
		}
		catch (IllegalArgumentException ex) {
			// an indicator the demo catalogue does not have: keep the source without it
			log.warn("Demo source {} without its indicators: {}", form.code(), ex.getMessage());
			sources.create(tenantId,
					new SourceForm(form.code(), form.name(), form.nameEn(), form.supplier(), form.content(),
							form.contentEn(), form.detailLevel(), form.areaCovered(), form.periodicity(),
							form.nextDelivery(), form.licence(), form.licenceUrl(), form.accessConditions(),
							form.contact(), form.qualityIssues(), form.url(), form.publicSource(), List.of()),
					true, ACTOR);
		}
	}

}
