package be.obmi.pirk.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.importing.IndicationImport;
import be.obmi.pirk.register.VacancyCases;
import be.obmi.pirk.register.VacancyDeadlines;
import be.obmi.pirk.register.VacancyLevies;
import be.obmi.pirk.screening.Indications;
import be.obmi.pirk.screening.RuleEvaluation;
import be.obmi.pirk.screening.Rules;
import be.obmi.pirk.screening.Screening;
import be.obmi.support.ObmiWebSlice;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The web slice of PIRK's screening and leegstandsregister pages (P2): their controllers
 * with the shared page helper; the services are mocks. All its web tests share one
 * context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(controllers = { IndicationController.class, IndicationApiController.class, ScreeningRuleController.class,
		ScreeningController.class, VacancyRegisterController.class, VacancyDeadlineController.class,
		ScreeningApiController.class })
@ObmiWebSlice
@Import(ScreeningPages.class)
@MockitoBean(types = { Indications.class, IndicationImport.class, RuleEvaluation.class, Rules.class, Screening.class,
		RealEstates.class, VacancyCases.class, VacancyLevies.class, VacancyDeadlines.class })
@interface PirkScreeningWebTest {

}
