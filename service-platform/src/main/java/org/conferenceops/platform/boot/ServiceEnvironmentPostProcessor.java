package org.conferenceops.platform.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs before Boot's config-data processing: finds the {@link ConferenceOpsService} name among the
 * application's sources and points {@code spring.config.name} at {@code <name>.yml}. The platform's defaults are
 * added after the configuration files by {@link PlatformDefaultsEnvironmentPostProcessor}.
 */
public class ServiceEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {


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
    }

    static String serviceName(SpringApplication application) {
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

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
