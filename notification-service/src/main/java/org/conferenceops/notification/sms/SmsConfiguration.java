package org.conferenceops.notification.sms;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP provider unless another {@link SmsProvider} is defined. */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    @Bean
    @ConditionalOnMissingBean(SmsProvider.class)
    SmsProvider httpSmsProvider(SmsSettings settings, JsonMapper json) {
        return new HttpSmsProvider(settings, json);
    }
}
