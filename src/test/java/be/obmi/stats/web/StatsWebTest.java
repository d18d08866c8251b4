package be.obmi.stats.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import be.obmi.audit.AuditTrail;
import be.obmi.shared.PdfDocuments;
import be.obmi.stats.domain.AreaSets;
import be.obmi.stats.domain.Areas;
import be.obmi.stats.domain.Catalogue;
import be.obmi.stats.domain.Datasets;
import be.obmi.stats.domain.ImportHistory;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.StatsAccess;
import be.obmi.stats.domain.ThemeSheets;
import be.obmi.stats.importing.ObservationImporter;
import be.obmi.stats.query.AreaReport;
import be.obmi.stats.query.ExportGrids;
import be.obmi.stats.query.OpenDataResponses;
import be.obmi.stats.query.StatsQueries;
import be.obmi.stats.query.StatsSearch;
import be.obmi.stats.query.StatsSite;
import be.obmi.stats.query.SurveyEditions;
import be.obmi.support.ObmiWebSlice;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The web slice of stats: all its controllers, with the real {@link StatsAccess} (who may
 * see and write what in a scope) and {@link StatsPublicRoutes}; the domain, query and
 * import services are mocked. All stats web tests share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(controllers = { AreaReportController.class, StatsAdminController.class, StatsApiController.class,
		StatsCatalogController.class, StatsDatasetController.class, StatsGeoController.class,
		StatsOpenDataController.class, StatsPageController.class, StatsIndicatorAdminController.class,
		StatsSearchController.class, ThemeSheetController.class })
@ObmiWebSlice
@Import({ StatsAccess.class, StatsPublicRoutes.class, AreaReportPdf.class, AreaShapes.class })
@MockitoBean(types = { ObservationImporter.class, ImportHistory.class, Indicators.class, Datasets.class,
		StatsQueries.class, ExportGrids.class, Catalogue.class, AreaSets.class, OpenDataResponses.class, Areas.class,
		StatsSite.class, PdfDocuments.class, AreaReport.class, AuditTrail.class, SurveyEditions.class,
		StatsSearch.class, ThemeSheets.class, ComparisonGroups.class })
@interface StatsWebTest {

}
