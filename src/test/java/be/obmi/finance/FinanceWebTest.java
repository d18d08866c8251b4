package be.obmi.finance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import be.obmi.support.ObmiWebSlice;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The web slice of finance: its two controllers; all its web tests share one context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(controllers = { FinanceApiController.class, FinanceController.class })
@ObmiWebSlice
@MockitoBean(types = { FinanceImports.class, FinanceFigures.class })
@interface FinanceWebTest {

}
