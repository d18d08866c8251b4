package be.obmi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;

/**
 * OBMi: one platform, hosted once, for the policy, environment and management information
 * of the Flemish centrumsteden. Every direct sub-package is an application module. Beans
 * are named by their fully qualified class name, so two modules may each have, say, an
 * {@code Indicators} service.
 */
@SpringBootApplication(nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
@ConfigurationPropertiesScan
public class Application {

	public static void main(String[] args) {
		SpringApplication.run(Application.class, args);
	}

}
