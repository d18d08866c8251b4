package be.obmi.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells a newcomer where the application is and how to log in. */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	private final DemoAccounts demo;

	StartupBanner(DemoAccounts demo) {
		this.demo = demo;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		int port = event.getApplicationContext() instanceof WebServerApplicationContext web
				&& web.getWebServer() != null ? web.getWebServer().getPort() : 8080;
		StringBuilder text = new StringBuilder("\n\n  OBMi draait op http://localhost:" + port + "/\n");
		if (demo.enabled()) {
			text.append("  Demo-accounts (wachtwoord '").append(demo.password()).append("'):\n");
			for (String username : demo.examples()) {
				text.append("    ").append(username).append('\n');
			}
			text.append("    … en <rol>.<stad> voor elke stad: beheerder.gent, redacteur.brugge, lezer.vgc, …\n");
		}
		log.info(text.toString());
	}

}
