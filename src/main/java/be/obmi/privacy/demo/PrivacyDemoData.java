package be.obmi.privacy.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Component;

/**
 * The privacy module's one demo initializer (only with {@code obmi.demo.enabled=true}):
 * the register first ({@link PrivacyRegisterDemo}), then what is about its activities,
 * the DPIAs and maturity answers ({@link PrivacyDpiaDemo}) and the agreements, breaches
 * and requests ({@link PrivacyCasesDemo}). Spring Modulith orders initializers by module
 * only, not within one, so the three parts are plain components run here in that order,
 * each once per start (each skips a tenant that already has its demo data).
 */
@Component
class PrivacyDemoData implements ApplicationModuleInitializer {

	private final PrivacyRegisterDemo register;

	private final PrivacyDpiaDemo dpias;

	private final PrivacyCasesDemo cases;

	private final boolean enabled;

	PrivacyDemoData(PrivacyRegisterDemo register, PrivacyDpiaDemo dpias, PrivacyCasesDemo cases,
			@Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.register = register;
		this.dpias = dpias;
		this.cases = cases;
		this.enabled = enabled;
	}

	@Override
	public void initialize() {
		if (!enabled) {
			return;
		}
		register.load();
		dpias.load();
		cases.load();
	}

}
