package be.obmi.opendata;

import java.util.List;

/**
 * Datasets another module adds to the platform's DCAT-AP catalogue
 * ({@code /cijfers/catalogus.ttl}), e.g. the knowledge bank's collections. The module
 * that assembles the catalogue collects every bean of this type.
 */
public interface CatalogContribution {

	/**
	 * The module's datasets for the platform catalogue.
	 * @param origin the site's address without a trailing slash, e.g.
	 * {@code https://obmi.example.be}
	 * @return never null
	 */
	List<CatalogDescription.DatasetDescription> platformDatasets(String origin);

}
