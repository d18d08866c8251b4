package be.obmi.knowledge.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import be.obmi.knowledge.domain.Collection;
import be.obmi.knowledge.domain.Collections;
import be.obmi.opendata.CatalogContribution;
import be.obmi.opendata.CatalogDescription;
import be.obmi.opendata.DataTheme;
import be.obmi.opendata.DistributionFormat;
import be.obmi.opendata.LocalizedText;

import org.springframework.stereotype.Component;

/**
 * Each collection of the knowledge bank is a dataset of the platform's DCAT-AP catalogue:
 * its published cases as CSV and JSON ({@code /kennis/collecties/{code}/dataset.csv},
 * {@code .json}).
 */
@Component
class KnowledgeCatalog implements CatalogContribution {

	private final Collections collections;

	KnowledgeCatalog(Collections collections) {
		this.collections = collections;
	}

	@Override
	public List<CatalogDescription.DatasetDescription> platformDatasets(String origin) {
		CatalogDescription.ContactPoint contact = new CatalogDescription.ContactPoint(null,
				"Kenniscentrum Vlaamse Steden", null, origin + "/kennis");
		List<CatalogDescription.DatasetDescription> datasets = new ArrayList<>();
		for (Collection collection : collections.all()) {
			String page = origin + "/kennis/collecties/" + collection.code();
			List<CatalogDescription.DistributionDescription> distributions = new ArrayList<>();
			for (DistributionFormat format : List.of(DistributionFormat.CSV, DistributionFormat.JSON)) {
				String extension = format == DistributionFormat.CSV ? "csv" : "json";
				String url = page + "/dataset." + extension;
				distributions.add(new CatalogDescription.DistributionDescription(page + "/dataset/" + extension,
						LocalizedText.of(collection.nameNl() + " (" + extension + ")",
								collection.nameEn() + " (" + extension + ")"),
						format, url, url));
			}
			LocalizedText title = LocalizedText.of(collection.nameNl(), collection.nameEn());
			LocalizedText description = collection.descriptionNl().isBlank() ? title : LocalizedText.of(
					collection.descriptionNl(),
					collection.descriptionEn().isBlank() ? collection.descriptionNl() : collection.descriptionEn());
			datasets.add(new CatalogDescription.DatasetDescription(page, "kennis-" + collection.code(), title,
					description, List.of(DataTheme.REGI, DataTheme.GOVE),
					Map.of("nl", List.of("Kennisbank", collection.nameNl()), "en",
							List.of("Knowledge bank", collection.nameEn())),
					contact, null, null, null, LocalDate.now(), page, distributions));
		}
		return datasets;
	}

}
