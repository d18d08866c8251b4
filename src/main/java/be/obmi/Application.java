package be.obmi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * OBMi: one platform, hosted once, for the policy, environment and management information
 * of the Flemish centrumsteden. Every direct sub-package is an application module. Beans
 * are named by their fully qualified class name, so two modules may each have, say, an
 * {@code Indicators} service. Scheduled work ({@code @Scheduled}: the warehouse's nightly
 * rebuild, identity's clean-up of old login failures) is enabled here, for every module.
 */
@SpringBootApplication(nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class Application {

	public static void main(String[] args) {
		// the public page warm-up (platform.PublicPageWarmUp) sends the visitors' Host
		// header to this instance; java.net.http allows it only with this property, read
		// once when the first client is made
		if (System.getProperty("jdk.httpclient.allowRestrictedHeaders") == null) {
			System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
		}
		SpringApplication.run(Application.class, args);
	}

}
