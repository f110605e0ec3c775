package org.conferenceops.console.signin;

import jakarta.servlet.DispatcherType;
import org.conferenceops.platform.security.PlatformSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * The console's rules, in place of the platform's bearer-only chain (which backs off): the same JWTs and roles,
 * read from the token cookie; every page requires its role (organiser pages ORGANIZER, delegate pages DELEGATE);
 * someone not signed in is sent to the sign-in page, someone without the role sees a refusal page. Because a
 * cookie is sent by the browser on its own, state-changing requests also need a CSRF token (SameSite=Strict is the
 * first defence, this the second).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    @Bean
    SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, TokenCookie cookie,
            JwtAuthenticationConverter jwtAuthenticationConverter) throws Exception {
        LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/signin");
        AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
        denied.setErrorPage("/denied");
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR, DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers(PlatformSecurityAutoConfiguration.PUBLIC_PATHS.toArray(String[]::new)).permitAll()
                        .requestMatchers("/signin", "/signin/**", "/denied", "/css/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/organiser/**").hasRole("ORGANIZER")
                        .requestMatchers("/me/**").hasRole("DELEGATE")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(cookie)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
                        .authenticationEntryPoint(signIn)
                        .accessDeniedHandler(denied))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signIn).accessDeniedHandler(denied))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                // the resource-server configurer exempts every request carrying a bearer token from CSRF checks; here
                // the token comes from a cookie the browser sends by itself, so the check is added explicitly
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterBefore(csrf(denied), BearerTokenAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "frame-ancestors 'none'; form-action 'self'")))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    private static CsrfFilter csrf(AccessDeniedHandlerImpl denied) {
        CsrfFilter filter = new CsrfFilter(new CookieCsrfTokenRepository());
        filter.setAccessDeniedHandler(denied);
        return filter;
    }
}
