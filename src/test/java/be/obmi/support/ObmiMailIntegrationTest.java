package be.obmi.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link ObmiIntegrationTest} with mail on: the application sends to the run's one
 * {@link TestMailServer}. All classes with this annotation share one application context
 * (and one database) of their own, so the settings below are the union of what they need:
 * the scheduled mail jobs are off (tests run them with a chosen day), the newsletter
 * dispatcher waits an hour (tests dispatch themselves), and the newsletter numbers start
 * at 150.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ObmiIntegrationTest
@ContextConfiguration(initializers = TestMailServer.class)
@TestPropertySource(properties = { "obmi.mail.from=OBMi <obmi@obmi.test>", "obmi.mail.base-url=https://obmi.example",
		"obmi.mail.reminder-cron=-", "obmi.mail.digest-cron=-", "obmi.knowledge.rounds.reminder-cron=-",
		"obmi.privacy.reminder-cron=-", "obmi.knowledge.newsletter.dispatch-delay=PT1H",
		"obmi.knowledge.newsletter.first-number=150" })
public @interface ObmiMailIntegrationTest {

}
