package be.obmi.plan.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import be.obmi.audit.AuditTrail;
import be.obmi.plan.PolicyFields;
import be.obmi.plan.domain.Assignments;
import be.obmi.plan.domain.Commitments;
import be.obmi.plan.domain.CouncilReports;
import be.obmi.plan.domain.Indicators;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.PlanArchive;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.Projects;
import be.obmi.plan.domain.PublicPlan;
import be.obmi.plan.domain.Releases;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.UpdateAttachments;
import be.obmi.plan.domain.UpdateComments;
import be.obmi.plan.importing.IndicatorImport;
import be.obmi.plan.importing.PlanExport;
import be.obmi.plan.importing.PlanImport;
import be.obmi.plan.importing.PlanImportUndo;
import be.obmi.plan.importing.StatusUpdateImport;
import be.obmi.support.ObmiWebSlice;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The web slice of plan: all its controllers, with the real {@link PlanPages} (so the
 * access checks are the controllers' own), {@link ItemPage} and {@link PlanPublicRoutes};
 * the domain and import services are mocked. {@code FinancialFigures} is absent, as it is
 * when finance is not deployed. All plan web tests share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(controllers = { AgreementController.class, PlanApiController.class, PlanController.class,
		PlanDashboardController.class, PlanImportController.class, PublicPlanController.class, RoundController.class,
		PlanArchiveController.class, ProjectController.class, AssignmentController.class, UpdateCommentController.class,
		UpdateAttachmentController.class, PlanListController.class, PlanViewsController.class })
@ObmiWebSlice
@Import({ PlanPages.class, PlanSelections.class, PlanPublicRoutes.class, ReportContent.class, ReportDocx.class,
		PlanNumbers.class, ItemPage.class })
@MockitoBean(types = { Plans.class, PlanItems.class, StatusRounds.class, Indicators.class, PolicyFields.class,
		Commitments.class, CouncilReports.class, PlanImport.class, StatusUpdateImport.class, IndicatorImport.class,
		PlanExport.class, ReportPdf.class, AuditTrail.class, Projects.class, Releases.class, PlanArchive.class,
		PlanImportUndo.class, Assignments.class, UpdateComments.class, UpdateAttachments.class, PublicPlan.class })
@interface PlanWebTest {

}
