package be.obmi.knowledge.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import be.obmi.knowledge.domain.CaseFiles;
import be.obmi.knowledge.domain.Collections;
import be.obmi.knowledge.domain.KnowledgeCases;
import be.obmi.knowledge.domain.Themes;
import be.obmi.knowledge.housing.CityInstruments;
import be.obmi.knowledge.housing.HousingCatalogue;
import be.obmi.knowledge.housing.HousingMatrices;
import be.obmi.knowledge.housing.HousingRoundMails;
import be.obmi.knowledge.housing.HousingRounds;
import be.obmi.knowledge.news.NewsItems;
import be.obmi.knowledge.news.PageViews;
import be.obmi.knowledge.news.PortalCases;
import be.obmi.knowledge.newsletter.NewsletterDispatch;
import be.obmi.knowledge.newsletter.NewsletterIssues;
import be.obmi.knowledge.newsletter.Subscribers;
import be.obmi.knowledge.search.KnowledgeSearch;
import be.obmi.knowledge.search.SearchTemplates;
import be.obmi.support.ObmiWebSlice;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The web slice of knowledge: all its controllers, with the real {@link CasePages} (so a
 * refused value answers as the pages do) and {@link KnowledgePublicRoutes} (the portal is
 * public, its newsletter takes anonymous posts); the services are mocked. All knowledge
 * web tests share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(controllers = { HousingCityController.class, HousingMatrixController.class, HousingRoundController.class,
		KnowledgeCaseController.class, KnowledgeCaseEditorController.class, KnowledgeCityController.class,
		KnowledgeEditorController.class, KnowledgeNewsController.class, KnowledgeNewsEditorController.class,
		KnowledgeNewsletterController.class, KnowledgeNewsletterEditorController.class, KnowledgePortalController.class,
		KnowledgeSearchController.class, KnowledgeSearchExportController.class })
@ObmiWebSlice
@Import({ CasePages.class, KnowledgePublicRoutes.class })
@MockitoBean(types = { Collections.class, KnowledgeCases.class, CaseFiles.class, Themes.class, NewsItems.class,
		PortalCases.class, PageViews.class, Subscribers.class, NewsletterIssues.class, NewsletterDispatch.class,
		KnowledgeSearch.class, SearchTemplates.class, HousingCatalogue.class, CityInstruments.class,
		HousingRounds.class, HousingMatrices.class, HousingRoundMails.class })
@interface KnowledgeWebTest {

}
