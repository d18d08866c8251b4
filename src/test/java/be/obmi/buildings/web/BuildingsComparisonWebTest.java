package be.obmi.buildings.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import be.obmi.buildings.comparison.ComparisonEntries;
import be.obmi.buildings.comparison.ComparisonMatrices;
import be.obmi.buildings.gap.ProcessRecordImport;
import be.obmi.buildings.gap.RegisterGap;
import be.obmi.knowledge.KnowledgeRounds;
import be.obmi.support.ObmiWebSlice;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The web slice of the Schillenboek's comparison and register gap (B2): its controllers
 * and public-routes bean; all its web tests share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(controllers = { ComparisonCityController.class, ComparisonMatrixController.class,
		RegisterGapController.class, RegisterGapApiController.class })
@Import(BuildingsComparisonPublicRoutes.class)
@ObmiWebSlice
@MockitoBean(types = { ComparisonEntries.class, ComparisonMatrices.class, KnowledgeRounds.class,
		ProcessRecordImport.class, RegisterGap.class })
@interface BuildingsComparisonWebTest {

}
