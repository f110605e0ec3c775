package org.conferenceops.notification;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Makes the SMTP server "refuse" messages to chosen addresses, to prove retries and exactly-once delivery, and keeps
 * each message handed to the server, so that tests can read what the inbox does not show (attachments).
 */
@TestConfiguration(proxyBeanMethods = false)
public class MailFaults {

    private static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();
    private static final Map<String, List<MimeMessage>> SENT = new ConcurrentHashMap<>();

    /** From now on, messages to this address fail as if the SMTP server were down. */
    public static void refuse(String address) {
        REFUSED.add(address.toLowerCase());
    }

    public static void accept(String address) {
        REFUSED.remove(address.toLowerCase());
    }

    /** The messages the SMTP server accepted for this address, oldest first. */
    public static List<MimeMessage> sentTo(String address) {
        return List.copyOf(SENT.getOrDefault(address.toLowerCase(), List.of()));
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
                                Object result = method.invoke(sender, args);
                                if (method.getName().equals("send") && args != null && args.length == 1
                                        && args[0] instanceof MimeMessage message) {
                                    keep(message);
                                }
                                return result;
                            }
                            catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }

    private static void keep(MimeMessage message) throws MessagingException {
        Address[] to = message.getAllRecipients();
        for (Address address : to == null ? new Address[0] : to) {
            SENT.computeIfAbsent(address.toString().toLowerCase(), a -> new CopyOnWriteArrayList<>()).add(message);
        }
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
