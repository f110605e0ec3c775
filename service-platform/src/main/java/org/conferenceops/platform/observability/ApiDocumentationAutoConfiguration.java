package org.conferenceops.platform.observability;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The OpenAPI description of a service: titled with the application name, with one bearer-JWT security scheme that
 * applies to every operation (as the security filter chain requires). springdoc serves it at
 * {@code /v3/api-docs} and the UI at {@code /swagger-ui.html}.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public final class ApiDocumentationAutoConfiguration {

    /** Name of the security scheme in the description. */
    public static final String BEARER_SCHEME = "bearer-jwt";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI conferenceOpsOpenApi(Environment environment, ObjectProvider<BuildProperties> build) {
        String title = environment.getProperty("spring.application.name", "conference-ops");
        BuildProperties buildProperties = build.getIfAvailable();
        String version = buildProperties == null || buildProperties.getVersion() == null ? "unversioned"
                : buildProperties.getVersion();
        return new OpenAPI()
                .info(new Info().title(title).version(version))
                .components(new Components().addSecuritySchemes(BEARER_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }
}
