package be.obmi.notification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import be.obmi.identity.Contacts;
import be.obmi.support.ObmiWebSlice;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The web slice of notification: its one controller, the account's mail preferences. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(controllers = NotificationPreferencesController.class)
@ObmiWebSlice
@MockitoBean(types = { NotificationPreferences.class, Contacts.class, Mailer.class })
@interface NotificationWebTest {

}
