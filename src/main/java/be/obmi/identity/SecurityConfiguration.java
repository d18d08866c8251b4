package be.obmi.identity;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import be.obmi.shared.DatabaseFailure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.scheduling.annotation.Scheduled;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The security rules of every route, in one place. Public: the platform home, static
 * files, health, the API documentation, a tenant's home page and the routes modules
 * declare in {@link PublicRoutes}. {@code /platform/**} is for platform admins,
 * {@code /{slug}/beheer/**} for the tenant's beheerders, every other {@code /{slug}/**}
 * and {@code /api/v1/{tenant}/**} route for users with a role in that tenant. Pages use a
 * session with form login; API clients use HTTP Basic or a personal API token, without
 * CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * Argon2id with Spring Security's 5.8 defaults (16 MiB, 2 passes) unless
	 * {@code obmi.security.argon2.memory-kib}/{@code iterations} say otherwise. A hash
	 * carries its own parameters, so a change applies to passwords set afterwards; the
	 * test profile uses a light setting because the suite checks thousands of HTTP Basic
	 * requests.
	 */
	@Bean
	PasswordEncoder passwordEncoder(@Value("${obmi.security.argon2.memory-kib:16384}") int memoryKib,
			@Value("${obmi.security.argon2.iterations:2}") int iterations) {
		String idForEncode = "argon2@SpringSecurity_v5_8";
		Map<String, PasswordEncoder> encoders = Map.of(idForEncode,
				new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations), "bcrypt", new BCryptPasswordEncoder());
		return new DelegatingPasswordEncoder(idForEncode, encoders);
	}

	@Bean
	LoginRateLimit loginRateLimit(@Value("${obmi.security.login-attempts-per-minute:10}") int loginAttemptsPerMinute,
			LoginFailures failures, SharedBuckets buckets) {
		return new LoginRateLimit(loginAttemptsPerMinute, failures, buckets);
	}

	/**
	 * The rate limits' buckets, shared by every instance through PostgreSQL
	 * ({@code obmi.rate-limits.store}: {@code database}, the default, or {@code memory}).
	 */
	@Bean
	SharedBuckets sharedBuckets(ObjectProvider<DataSource> dataSource,
			@Value("${obmi.rate-limits.store:database}") String store) {
		DataSource database = dataSource.getIfAvailable();
		return "memory".equals(store) || database == null ? SharedBuckets.inMemory() : new SharedBuckets(database);
	}

	/**
	 * Sessions in PostgreSQL (Spring Session JDBC): an attribute that cannot be
	 * serialised is left out instead of failing the request
	 * ({@link SessionAttributeSerializer}).
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeSerializer() {
		return repository -> repository
			.setConversionService(SessionAttributeSerializer.conversionService(getClass().getClassLoader()));
	}

	@Bean
	FilterRegistrationBean<LoginRateLimit> loginRateLimitRegistration(LoginRateLimit filter) {
		var registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	ApiTokenAuthenticationFilter apiTokenAuthenticationFilter(ApiTokens tokens, LoginRateLimit loginRateLimit) {
		return new ApiTokenAuthenticationFilter(tokens, loginRateLimit);
	}

	@Bean
	FilterRegistrationBean<ApiTokenAuthenticationFilter> apiTokenFilterRegistration(
			ApiTokenAuthenticationFilter filter) {
		var registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<PublicRoutes> publicRoutes,
			ApiTokenAuthenticationFilter apiTokenFilter, UserAccounts accounts, LoginRateLimit loginRateLimit,
			@Value("${spring.servlet.multipart.max-file-size:1MB}") String maxFileSize, MessageSource messages,
			ObjectProvider<LandingPage> landing, @Value("${obmi.stats.map.tile-url:}") String tileUrl,
			ObjectProvider<SsoLogin> singleSignOn) throws Exception {
		List<LandingPage> landingPages = landing.orderedStream().toList();
		// CSRF protects cookies; an API request that carries its own credentials (HTTP
		// Basic or a token) is
		// authenticated by them alone (ApiTokenAuthenticationFilter drops a session
		// context for Basic, a token replaces
		// it), so it needs no CSRF token. Any other Authorization header does not count:
		// a session cookie with a stray
		// header still needs the CSRF token.
		RequestMatcher apiWithCredentials = request -> request.getRequestURI()
			.startsWith(request.getContextPath() + "/api/") && RequestCredentials.carried(request);
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

		http.authorizeHttpRequests(auth -> {
			auth.requestMatchers("/", "/login", "/error", "/favicon.ico", "/css/**", "/js/**", "/images/**",
					"/webjars/**", "/actuator/health", "/actuator/health/**", "/actuator/info", "/api/docs",
					"/api/docs/**", "/api/swagger-ui/**", "/swagger-ui/**")
				.permitAll();
			auth.requestMatchers("/platform/**").hasRole("PLATFORMBEHEERDER");
			// the Kenniscentrum's editors: shared knowledge bank, news, newsletter, GDPR
			// templates
			auth.requestMatchers("/kenniscentrum/**").hasAnyRole("KENNISCENTRUM", "PLATFORMBEHEERDER");
			// their API (joint data requests of the Datapedia); "kenniscentrum" is no
			// slug
			auth.requestMatchers("/api/v1/kenniscentrum/**").hasAnyRole("KENNISCENTRUM", "PLATFORMBEHEERDER");
			// metrics name tenants and show activity: for the operator's monitoring, not
			// the public
			auth.requestMatchers("/actuator/prometheus").hasRole("PLATFORMBEHEERDER");
			auth.requestMatchers("/account/**").authenticated();
			for (PublicRoutes routes : publicRoutes) {
				for (String pattern : routes.patterns()) {
					auth.requestMatchers(HttpMethod.GET, pattern).permitAll();
					auth.requestMatchers(HttpMethod.HEAD, pattern).permitAll();
				}
				for (String pattern : routes.anonymousPosts()) {
					auth.requestMatchers(HttpMethod.POST, pattern).permitAll();
				}
			}
			auth.requestMatchers(HttpMethod.GET, "/{slug}").permitAll();
			auth.requestMatchers("/{slug}/beheer", "/{slug}/beheer/**").access(tenantRole(Role.BEHEERDER));
			auth.requestMatchers("/api/v1/{slug}/**").access(tenantRole(Role.LEZER));
			auth.requestMatchers("/{slug}/**").access(tenantRole(Role.LEZER));
			auth.anyRequest().denyAll();
		});
		http.formLogin(form -> form.loginPage("/login")
			.successHandler(new RoleLanding(landingPages))
			.failureHandler((request, response, exception) -> {
				request.getSession()
					.setAttribute("obmi.loginError",
							exception instanceof LockedException ? "locked" : exception instanceof DisabledException
									? "disabled" : DatabaseFailure.of(exception).isPresent() ? "unavailable" : "bad");
				response.sendRedirect(request.getContextPath() + "/login?error");
			})
			.permitAll());
		http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?logout").permitAll());
		singleSignOn(http, singleSignOn.getIfAvailable());
		http.httpBasic(basic -> basic
			.authenticationEntryPoint(unlessDatabaseFails(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))));
		http.exceptionHandling(ex -> ex
			.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true));
		http.addFilterBefore(apiTokenFilter, BasicAuthenticationFilter.class);
		http.addFilterAfter(new SessionRightsRefresh(accounts), BasicAuthenticationFilter.class);
		http.addFilterAfter(new PrivateAnswers(), SessionRightsRefresh.class);
		http.addFilterBefore(loginRateLimit, CsrfFilter.class);
		http.addFilterBefore(new UploadSizeGuard(maxFileSize, messages), CsrfFilter.class);
		List<PathPattern> oneClick = publicRoutes.stream()
			.flatMap(routes -> routes.oneClickPosts().stream())
			.map(PathPatternParser.defaultInstance::parse)
			.toList();
		RequestMatcher oneClickPost = request -> HttpMethod.POST.matches(request.getMethod()) && oneClick.stream()
			.anyMatch(pattern -> pattern.matches(
					PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()))));
		http.csrf(csrf -> csrf.ignoringRequestMatchers(apiWithCredentials, oneClickPost));
		http.cors(Customizer.withDefaults());
		http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
		http.headers(headers -> headers
			.contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.withTiles(tileUrl)))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer
				.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader(p -> p.policy("geolocation=(), camera=(), microphone=()")));
		return http.build();
	}

	/**
	 * Login with a tenant's OpenID Connect provider and RP-initiated logout
	 * ({@link SsoLogin}, docs/security.md "Single sign-on"); absent in web slice tests.
	 */
	private static void singleSignOn(HttpSecurity http, SsoLogin sso) throws Exception {
		if (sso != null) {
			sso.configure(http);
		}
	}

	/**
	 * The request firewall with one addition to Spring Security's defaults: a parameter
	 * name or value with a NUL character is refused with 400 (PostgreSQL cannot hold NUL
	 * in text, and no form or API parameter needs one).
	 */
	@Bean
	StrictHttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedParameterNames(name -> name.indexOf('\0') < 0);
		firewall.setAllowedParameterValues(value -> value.indexOf('\0') < 0);
		return firewall;
	}

	/**
	 * Answers 503 with {@code Retry-After} instead of 401 when the credentials could not
	 * be checked because the database failed: the client's credentials may well be right.
	 */
	static AuthenticationEntryPoint unlessDatabaseFails(AuthenticationEntryPoint otherwise) {
		return (request, response, exception) -> {
			Optional<DatabaseFailure> failure = DatabaseFailure.of(exception);
			if (failure.isEmpty()) {
				otherwise.commence(request, response, exception);
				return;
			}
			failure.get().answer(request, response);
		};
	}

	/**
	 * Grants access when the user holds at least {@code role} in the tenant named by
	 * {@code {slug}}.
	 */
	static AuthorizationManager<RequestAuthorizationContext> tenantRole(Role role) {
		return new AuthorizationManager<>() {
			@Override
			public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
					RequestAuthorizationContext context) {
				Authentication auth = authentication.get();
				if (auth == null || !(auth.getPrincipal() instanceof ObmiUser user)) {
					return new AuthorizationDecision(false);
				}
				String slug = context.getVariables().get("slug");
				return new AuthorizationDecision(slug != null && user.has(slug, role));
			}
		};
	}

	/**
	 * Counts failed logins (form and HTTP Basic alike) per account name and client
	 * address, so repeated guessing locks that address out of the account, and spends the
	 * address's attempts.
	 */
	@Configuration(proxyBeanMethods = false)
	static class LoginAttempts {

		private final LoginFailures failures;

		private final LoginRateLimit limit;

		private final SharedBuckets buckets;

		LoginAttempts(LoginFailures failures, LoginRateLimit limit, SharedBuckets buckets) {
			this.failures = failures;
			this.limit = limit;
			this.buckets = buckets;
		}

		@EventListener
		void onFailure(AuthenticationFailureBadCredentialsEvent event) {
			String address = address(event.getAuthentication());
			limit.failed(address);
			failures.loginFailed(event.getAuthentication().getName(), address);
		}

		@EventListener
		void onSuccess(AuthenticationSuccessEvent event) {
			if (event.getAuthentication().getPrincipal() instanceof ObmiUser user
					&& event.getAuthentication().getDetails() instanceof WebAuthenticationDetails) {
				failures.loginSucceeded(user.getUsername(), address(event.getAuthentication()));
			}
		}

		private static String address(Authentication authentication) {
			return authentication.getDetails() instanceof WebAuthenticationDetails details
					&& details.getRemoteAddress() != null ? details.getRemoteAddress() : "onbekend";
		}

		@Scheduled(fixedDelay = 15, timeUnit = TimeUnit.MINUTES)
		@SchedulerLock(name = "identity.forget-old-login-failures", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
		void forgetOldFailures() {
			failures.forgetOldLoginFailures();
			buckets.forgetFullBuckets();
		}

	}

}
