package org.conferenceops.testsupport;

import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring test context the shared infrastructure's addresses, above the services' configuration files
 * but below properties a test sets itself (so a test may point one context at its own broker).
 */
public class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new InfrastructureCustomizer();
    }

    private static final class InfrastructureCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            if (sources.contains(InfrastructurePropertySource.NAME)) {
                return;
            }
            if (sources.contains("systemProperties")) {
                sources.addBefore("systemProperties", new InfrastructurePropertySource());
            }
            else {
                sources.addFirst(new InfrastructurePropertySource());
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InfrastructureCustomizer;
        }

        @Override
        public int hashCode() {
            return InfrastructureCustomizer.class.hashCode();
        }
    }
}
