package org.conferenceops.platform.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the platform's defaults ({@code conference-ops-*-defaults.yml}) to every Conference Ops service with the
 * lowest precedence: it runs after Boot has read the configuration files, so a service's own {@code <name>.yml},
 * environment variables and arguments all override them.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** The defaults, earlier files taking precedence over later ones. */
    static final List<String> DEFAULTS = List.of("conference-ops-messaging-defaults.yml",
            "conference-ops-web-defaults.yml");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (ServiceEnvironmentPostProcessor.serviceName(application) == null) {
            return;
        }
        for (PropertySource<?> defaults : loadDefaults()) {
            if (!environment.getPropertySources().contains(defaults.getName())) {
                environment.getPropertySources().addLast(defaults);
            }
        }
    }

    private static List<PropertySource<?>> loadDefaults() {
        List<PropertySource<?>> sources = new ArrayList<>();
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
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
