package be.obmi.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import be.obmi.support.ObmiWebSlice;
import be.obmi.tenancy.Municipalities;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The web slice of platform: its one controller; all its web tests share one context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(controllers = PlatformHomeController.class)
@ObmiWebSlice
@MockitoBean(types = Municipalities.class)
@interface PlatformWebTest {

}
