package org.conferenceops.platform.security;

import java.util.List;
import java.util.Objects;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is a stateless OAuth2 resource server: a bearer JWT on every request except health probes, metrics
 * scraping and API docs; roles from the {@code roles} claim; 401 and 403 as problem+json; method security on, so
 * controllers use {@code @PreAuthorize} for roles and {@link CurrentUser} for ownership. The JWT decoder is Boot's
 * (from {@code spring.security.oauth2.resourceserver.jwt.*}); this adds the issuer check to it. Runs before Boot's
 * security configurations so that they back off.
 */
@AutoConfiguration(before = { OAuth2ResourceServerAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ JwtDecoder.class, SecurityFilterChain.class })
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public final class PlatformSecurityAutoConfiguration {

    /** Paths anyone may call: probes, scraping, API docs and the error page. */
    public static final List<String> PUBLIC_PATHS = List.of("/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error");

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain conferenceOpsSecurityFilterChain(HttpSecurity http,
            JwtAuthenticationConverter jwtAuthenticationConverter) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
        ProblemAccessDeniedHandler accessDeniedHandler = new ProblemAccessDeniedHandler();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PATHS.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDeniedHandler))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDeniedHandler))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                // bearer tokens are not sent automatically by browsers, so there is no CSRF to defend against
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter conferenceOpsJwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RolesClaimConverter());
        return converter;
    }

    /**
     * Wraps the service's JWT decoder (Boot's, or one a service or test declares) so that a verified token is not
     * verified again on every request ({@link RememberingJwtDecoder}); {@code
     * conference-ops.security.verified-tokens-remembered=0} leaves it as it is.
     */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor conferenceOpsRememberVerifiedTokens(
            org.springframework.core.env.Environment environment) {
        return new org.springframework.beans.factory.config.BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof JwtDecoder decoder) || bean instanceof RememberingJwtDecoder) {
                    return bean;
                }
                // the platform's security properties, with their defaults, bound before they exist as a bean
                java.time.Duration remembered = org.springframework.boot.context.properties.bind.Binder
                        .get(environment).bindOrCreate("conference-ops.security", PlatformSecurityProperties.class)
                        .verifiedTokensRemembered();
                if (remembered.isZero() || remembered.isNegative()) {
                    return bean;
                }
                return new RememberingJwtDecoder(decoder, remembered, java.time.Clock.systemUTC());
            }
        };
    }

    /** Picked up by Boot's JWT decoder configuration as an additional validator. */
    @Bean
    @Conditional(OnIssuerConfigured.class)
    OAuth2TokenValidator<Jwt> conferenceOpsIssuerValidator(PlatformSecurityProperties properties) {
        return new JwtIssuerValidator(Objects.requireNonNull(properties.issuer(), "issuer"));
    }

    @Bean
    WebMvcConfigurer conferenceOpsCurrentUserConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }

    static final class OnIssuerConfigured extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("conference-ops.security.issuer"))
                    ? ConditionOutcome.match("conference-ops.security.issuer is set")
                    : ConditionOutcome.noMatch("conference-ops.security.issuer is not set");
        }
    }
}
