package be.obmi.warehouse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import be.obmi.support.ObmiWebSlice;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The web slice of warehouse: its two controllers; all its web tests share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(controllers = { ImpactController.class, WarehouseAdminController.class })
@ObmiWebSlice
@MockitoBean(types = { ImpactQueries.class, SpendingComparison.class, WarehouseRebuild.class })
@interface WarehouseWebTest {

}
