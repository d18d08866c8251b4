package be.obmi.privacy.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import be.obmi.plan.PlanActions;
import be.obmi.privacy.domain.Agreements;
import be.obmi.privacy.domain.Breaches;
import be.obmi.privacy.domain.CaseActivities;
import be.obmi.privacy.domain.DpiaAttachments;
import be.obmi.privacy.domain.DpiaMeasures;
import be.obmi.privacy.domain.DpiaModels;
import be.obmi.privacy.domain.DpiaRisks;
import be.obmi.privacy.domain.Dpias;
import be.obmi.privacy.domain.FieldMasks;
import be.obmi.privacy.domain.LinkedOrganisations;
import be.obmi.privacy.domain.Maturity;
import be.obmi.privacy.domain.PrivacyDeadlines;
import be.obmi.privacy.domain.PrivacyTemplates;
import be.obmi.privacy.domain.ProcessingActivities;
import be.obmi.privacy.domain.PublicRegister;
import be.obmi.privacy.domain.RegisterReading;
import be.obmi.privacy.domain.SubjectRequests;
import be.obmi.privacy.importing.RegisterApiJson;
import be.obmi.privacy.importing.RegisterDocuments;
import be.obmi.privacy.importing.RegisterSpreadsheets;
import be.obmi.support.ObmiWebSlice;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The web slice of privacy: all its controllers, with the real {@link PrivacyCasePages}
 * and {@link DpiaPages} (so the access checks are the pages' own) and
 * {@link PrivacyPublicRoutes} (the public register is open to anyone); the services are
 * mocked. All privacy web tests share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(controllers = { ActivityController.class, AgreementController.class, BreachController.class,
		DeadlineController.class, DpiaController.class, DpiaStepController.class, DpiaWorkController.class,
		FieldMaskController.class, MaturityController.class, OrganisationController.class,
		PrivacyRegisterController.class, PublicRegisterApiController.class, PublicRegisterController.class,
		RegisterExportController.class, SubjectRequestController.class, TemplateController.class,
		TemplatePublishingController.class })
@ObmiWebSlice
@Import({ PrivacyCasePages.class, DpiaPages.class, PrivacyPublicRoutes.class })
@MockitoBean(types = { ProcessingActivities.class, LinkedOrganisations.class, Agreements.class, CaseActivities.class,
		Breaches.class, PrivacyDeadlines.class, Dpias.class, DpiaModels.class, DpiaAttachments.class, DpiaRisks.class,
		DpiaMeasures.class, FieldMasks.class, Maturity.class, PublicRegister.class, RegisterSpreadsheets.class,
		RegisterDocuments.class, RegisterApiJson.class, RegisterReading.class, SubjectRequests.class,
		PrivacyTemplates.class, PlanActions.class })
@interface PrivacyWebTest {

}
