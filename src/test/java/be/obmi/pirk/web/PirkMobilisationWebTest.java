package be.obmi.pirk.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import be.obmi.knowledge.TemporaryUseCases;
import be.obmi.pirk.mobilisation.Campaigns;
import be.obmi.pirk.mobilisation.OwnerAccessLog;
import be.obmi.pirk.mobilisation.OwnerCases;
import be.obmi.pirk.mobilisation.OwnerContacts;
import be.obmi.pirk.mobilisation.SavedFilters;
import be.obmi.pirk.publication.PublicVacancy;
import be.obmi.pirk.publication.VacancyIndicators;
import be.obmi.support.ObmiWebSlice;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The web slice of PIRK's mobilisation and public side (P3): its three controllers and
 * public routes, the services mocked; all its web tests share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(controllers = { OwnerCaseController.class, CampaignController.class, PublicVacancyController.class })
@ObmiWebSlice
@Import(PirkPublicAggregateRoutes.class)
@MockitoBean(types = { OwnerCases.class, OwnerContacts.class, OwnerAccessLog.class, TemporaryUseCases.class,
		Campaigns.class, SavedFilters.class, PublicVacancy.class, VacancyIndicators.class })
@interface PirkMobilisationWebTest {

}
