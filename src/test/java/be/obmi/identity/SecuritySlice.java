package be.obmi.identity;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The project's security configuration for web slice tests
 * ({@code support.ObmiWebSlice}): {@link SecurityConfiguration} is package-private, so it
 * is imported from here, together with the real {@link TenantAccess}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, TenantAccess.class })
public class SecuritySlice {

}
