package be.obmi.datasources.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import be.obmi.datasources.domain.Source;
import be.obmi.datasources.domain.Sources;
import be.obmi.opendata.CatalogContribution;
import be.obmi.opendata.CatalogDescription;
import be.obmi.opendata.DataTheme;
import be.obmi.opendata.DistributionFormat;
import be.obmi.opendata.LocalizedText;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.stereotype.Component;

/**
 * Every public source of the Datapedia is a dataset of the platform's DCAT-AP catalogue
 * ({@code /cijfers/catalogus.ttl}, assembled by {@code stats}), with its description as
 * JSON from the read API as distribution. Through {@code opendata}'s
 * {@link CatalogContribution} neither {@code stats} depends on this module nor this
 * module on {@code stats}' catalogue code: the one platform catalogue that harvesters
 * already read lists the sources, with a city's sources located in its municipality.
 * Internal sources are never listed.
 */
@Component
class DatapediaCatalog implements CatalogContribution {

	private static final String REFNIS = "http://vocab.belgif.be/auth/refnis2019/";

	private final Sources sources;

	private final Tenants tenants;

	DatapediaCatalog(Sources sources, Tenants tenants) {
		this.sources = sources;
		this.tenants = tenants;
	}

	@Override
	public List<CatalogDescription.DatasetDescription> platformDatasets(String origin) {
		List<CatalogDescription.DatasetDescription> datasets = new ArrayList<>();
		for (Source source : sources.publicSources()) {
			String page = origin + "/datapedia/bronnen/" + source.id();
			String api = origin + "/api/v1/datapedia/bronnen/" + source.id();
			Tenant owner = source.tenantId() == null ? null : tenants.byId(source.tenantId()).orElse(null);
			String english = source.nameEn().isBlank() ? source.name() : source.nameEn();
			LocalizedText title = LocalizedText.of(source.name(), english);
			String content = source.content().isBlank() ? source.name() : source.content();
			String contentEn = source.contentEn().isBlank() ? content : source.contentEn();
			LocalizedText description = LocalizedText.of(
					content + " Leverancier: " + source.supplier() + "."
							+ (source.licence().isBlank() ? "" : " Licentie: " + source.licence() + "."),
					contentEn + " Supplier: " + source.supplier() + "."
							+ (source.licence().isBlank() ? "" : " Licence: " + source.licence() + "."));
			CatalogDescription.ContactPoint contact = new CatalogDescription.ContactPoint(null,
					source.contact().isBlank() ? source.supplier() : source.contact(), null,
					source.url().isBlank() ? page : source.url());
			CatalogDescription.DistributionDescription json = new CatalogDescription.DistributionDescription(
					page + "/json", LocalizedText.of(source.name() + " (json)", english + " (json)"),
					DistributionFormat.JSON, api, api);
			String identifier = "datapedia-" + (owner == null ? "platform" : owner.slug()) + "-" + source.code();
			datasets.add(new CatalogDescription.DatasetDescription(page, identifier, title, description,
					List.of(DataTheme.REGI, DataTheme.GOVE),
					Map.of("nl", List.of("Datapedia", "databron", source.supplier()), "en",
							List.of("Datapedia", "data source", source.supplier())),
					contact, null, null,
					owner == null || owner.statisticsNisCode() == null ? null : REFNIS + owner.statisticsNisCode(),
					source.updatedAt() == null ? null : source.updatedAt().toLocalDate(), page, List.of(json)));
		}
		return datasets;
	}

}
