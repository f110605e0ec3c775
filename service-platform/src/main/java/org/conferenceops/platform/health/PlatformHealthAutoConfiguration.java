package org.conferenceops.platform.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Registers {@link MongoPingHealthIndicator} as the {@code mongo} health contributor, which the readiness group
 * includes. Its bean name also makes Boot's hello-based indicator back off.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, MongoDatabaseFactory.class })
@ConditionalOnBean(MongoDatabaseFactory.class)
@ConditionalOnProperty(prefix = "conference-ops.health.mongo", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(MongoHealthProperties.class)
public final class PlatformHealthAutoConfiguration {

    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnMissingBean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoDatabaseFactory databaseFactory,
            MongoHealthProperties properties) {
        return new MongoPingHealthIndicator(databaseFactory, properties.timeout());
    }
}
