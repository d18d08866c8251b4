package be.obmi.pirk.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import be.obmi.audit.AuditTrail;
import be.obmi.pirk.domain.ObjectSearch;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.domain.RegisterEntries;
import be.obmi.pirk.importing.RegisterImports;
import be.obmi.stats.AreaNames;
import be.obmi.support.ObmiWebSlice;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The web slice of PIRK's objects, map, exports, imports and work queue. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(controllers = { ObjectsController.class, MapDataController.class, ObjectExportController.class,
		RegisterImportController.class, RegisterImportApiController.class, QueueController.class })
@ObmiWebSlice
@MockitoBean(types = { ObjectSearch.class, RealEstates.class, RegisterEntries.class, RegisterImports.class,
		AreaNames.class, AuditTrail.class })
@interface PirkWebTest {

}
