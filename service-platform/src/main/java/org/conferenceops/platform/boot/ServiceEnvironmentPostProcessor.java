package org.conferenceops.platform.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Runs before Boot's config-data processing: finds the {@link ConferenceOpsService} name among the
 * application's sources, points {@code spring.config.name} at {@code <name>.yml}, and adds the platform's
 * defaults ({@code conference-ops-*-defaults.yml}) with the lowest precedence, so every service gets the same
 * conventions for messaging, health, metrics and errors unless it overrides them.
 */
public class ServiceEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Platform defaults, lowest precedence first-listed wins among them. */
    static final java.util.List<String> DEFAULTS = java.util.List.of("conference-ops-messaging-defaults.yml",
            "conference-ops-web-defaults.yml");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String name = serviceName(application);
        if (name == null) {
            return;
        }
        Map<String, Object> identity = new LinkedHashMap<>();
        if (!environment.containsProperty("spring.config.name")) {
            identity.put("spring.config.name", name);
        }
        identity.put("conference-ops.service-name", name);
        environment.getPropertySources().addFirst(new MapPropertySource("conferenceOpsServiceIdentity", identity));
        if (!environment.containsProperty("spring.application.name")) {
            environment.getPropertySources()
                    .addLast(new MapPropertySource("conferenceOpsServiceName", Map.of("spring.application.name", name)));
        }
        for (PropertySource<?> defaults : loadDefaults()) {
            environment.getPropertySources().addLast(defaults);
        }
    }

    private static String serviceName(SpringApplication application) {
        for (Object source : application.getAllSources()) {
            if (source instanceof Class<?> type) {
                ConferenceOpsService service = AnnotatedElementUtils.findMergedAnnotation(type, ConferenceOpsService.class);
                if (service != null) {
                    return service.value();
                }
            }
        }
        return null;
    }

    private static java.util.List<PropertySource<?>> loadDefaults() {
        java.util.List<PropertySource<?>> sources = new java.util.ArrayList<>();
        for (String file : DEFAULTS) {
            ClassPathResource resource = new ClassPathResource(file);
            if (!resource.exists()) {
                continue;
            }
            try {
                sources.addAll(new YamlPropertySourceLoader().load(file, resource));
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return sources;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
