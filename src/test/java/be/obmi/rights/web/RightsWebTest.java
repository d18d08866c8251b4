package be.obmi.rights.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import be.obmi.rights.catalogue.CityParameters;
import be.obmi.rights.catalogue.ExampleHouseholds;
import be.obmi.rights.catalogue.Publication;
import be.obmi.rights.catalogue.RuleVersions;
import be.obmi.rights.catalogue.Rights;
import be.obmi.rights.explorer.RightsExplorer;
import be.obmi.rights.usage.QuestionnaireUse;
import be.obmi.stats.AreaLocator;
import be.obmi.support.ObmiWebSlice;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The web slice of rights: its controllers with {@link RightsPublicRoutes} (the
 * questionnaire is public and takes anonymous posts); the services are mocked.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(
		controllers = { RightsCatalogueController.class, RightsApiController.class, RightsExplorerController.class })
@ObmiWebSlice
@Import({ RightsPublicRoutes.class, QuestionnaireStep.class })
@MockitoBean(types = { Rights.class, RuleVersions.class, Publication.class, ExampleHouseholds.class,
		CityParameters.class, RightsExplorer.class, QuestionnaireUse.class, AreaLocator.class })
@interface RightsWebTest {

}
