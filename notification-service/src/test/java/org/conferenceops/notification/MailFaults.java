package org.conferenceops.notification;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/** Makes the SMTP server "refuse" messages to chosen addresses, to prove retries and exactly-once delivery. */
@TestConfiguration(proxyBeanMethods = false)
public class MailFaults {

    private static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();

    /** From now on, messages to this address fail as if the SMTP server were down. */
    public static void refuse(String address) {
        REFUSED.add(address.toLowerCase());
    }

    public static void accept(String address) {
        REFUSED.remove(address.toLowerCase());
    }

    @Bean
    static BeanPostProcessor failingMailSender() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof JavaMailSender sender)) {
                    return bean;
                }
                return Proxy.newProxyInstance(MailFaults.class.getClassLoader(), new Class<?>[] {JavaMailSender.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("send") && args != null && args.length == 1
                                    && args[0] instanceof MimeMessage message && refused(message)) {
                                throw new MailSendException("injected SMTP failure");
                            }
                            try {
                                return method.invoke(sender, args);
                            }
                            catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }

    private static boolean refused(MimeMessage message) throws MessagingException {
        Address[] to = message.getAllRecipients();
        if (to == null) {
            return false;
        }
        for (Address address : to) {
            if (REFUSED.contains(address.toString().toLowerCase())) {
                return true;
            }
        }
        return false;
    }
}
