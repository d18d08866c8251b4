package be.obmi.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import be.obmi.tenancy.Tenant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /api/docs}: title, how to authenticate. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static {
		// the tenant comes from the {slug} path variable, not from request parameters
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Tenant.class);
	}

	@Bean
	OpenAPI obmiOpenApi() {
		return new OpenAPI()
			.info(new Info().title("OBMi API")
				.version("v1")
				.description(
						"""
								De API van OBMi voor de Vlaamse centrumsteden. Elk pad begint met /api/v1/{slug}, de naam van het \
								bestuur in kleine letters (bv. mechelen, sint-niklaas). Publieke gegevens zijn zonder aanmelding \
								leesbaar; schrijven vraagt HTTP Basic (gebruikersnaam en wachtwoord) of een persoonlijk API-token \
								(Authorization: Bearer obmi_…), te maken via 'Mijn API-tokens'. Fouten in bestanden komen terug als \
								422 met rij, kolom en reden in het Nederlands.""")
				.license(new License().name("Modellicentie Gratis Hergebruik (gegevens)")))
			.components(new Components()
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("token",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("Persoonlijk API-token obmi_…")))
			.addSecurityItem(new SecurityRequirement().addList("basic"))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

	/**
	 * Documents the {slug} path variable that controllers receive as a resolved
	 * {@link Tenant}.
	 */
	@Bean
	OpenApiCustomizer tenantSlugParameter() {
		return openApi -> openApi.getPaths().forEach((path, item) -> {
			if (!path.contains("{slug}")) {
				return;
			}
			item.readOperations().forEach(operation -> {
				boolean present = operation.getParameters() != null
						&& operation.getParameters().stream().anyMatch(p -> "slug".equals(p.getName()));
				if (!present) {
					operation.addParametersItem(new PathParameter().name("slug")
						.required(true)
						.description("Het bestuur: mechelen, sint-niklaas, vgc, … (of platform voor gedeelde gegevens)")
						.schema(new StringSchema().example("mechelen")));
				}
			});
		});
	}

}
