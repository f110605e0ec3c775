package org.conferenceops.notification;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
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
    private static final Set<String> CRASH_AFTER = ConcurrentHashMap.newKeySet();
    private static final Set<String> CRASH_BEFORE = ConcurrentHashMap.newKeySet();
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

    /**
     * The next message to this address is accepted by the SMTP server, and then the sender "dies" before it can
     * record the outcome: {@link SimulatedCrash} is thrown out of the send, which no delivery code catches.
     */
    public static void crashAfterAccepting(String address) {
        CRASH_AFTER.add(address.toLowerCase());
    }

    /**
     * The next message to this address is never handed to the SMTP server: the sender "dies" between the previous
     * message and this one ({@link SimulatedCrash} is thrown out of the send).
     */
    public static void crashBeforeSending(String address) {
        CRASH_BEFORE.add(address.toLowerCase());
    }

    /** What a worker dying right after the SMTP server accepted a message looks like to the code that sent it. */
    public static class SimulatedCrash extends Error {

        SimulatedCrash(String address) {
            this("after the SMTP server accepted a message to", address);
        }

        private SimulatedCrash(String when, String address) {
            super("simulated crash " + when + " " + address);
        }

        static SimulatedCrash beforeSending(String address) {
            return new SimulatedCrash("before handing the SMTP server a message to", address);
        }
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
                            MimeMessage[] batch = method.getName().equals("send") && args != null && args.length == 1
                                    ? args[0] instanceof MimeMessage one ? new MimeMessage[] {one}
                                    : args[0] instanceof MimeMessage[] several ? several : null : null;
                            if (batch == null) {
                                return invoke(sender, method, args);
                            }
                            if (!faulty(batch)) {
                                sender.send(batch);
                                for (MimeMessage message : batch) {
                                    keep(message);
                                }
                                return null;
                            }
                            Map<Object, Exception> failed = new LinkedHashMap<>();
                            String crash = null;
                            for (MimeMessage message : batch) {
                                String before = crashingBefore(message);
                                if (before != null) {
                                    throw SimulatedCrash.beforeSending(before);
                                }
                                if (refused(message)) {
                                    failed.put(message, new MessagingException("injected SMTP failure"));
                                    continue;
                                }
                                sender.send(message);
                                keep(message);
                                String crashing = crashing(message);
                                if (crashing != null) {
                                    crash = crashing;
                                    break;
                                }
                            }
                            if (crash != null) {
                                throw new SimulatedCrash(crash);
                            }
                            if (!failed.isEmpty()) {
                                throw new MailSendException(failed);
                            }
                            return null;
                        });
            }
        };
    }

    private static Object invoke(JavaMailSender sender, java.lang.reflect.Method method, Object[] args)
            throws Throwable {
        try {
            return method.invoke(sender, args);
        }
        catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static boolean faulty(MimeMessage[] batch) throws MessagingException {
        if (REFUSED.isEmpty() && CRASH_AFTER.isEmpty() && CRASH_BEFORE.isEmpty()) {
            return false;
        }
        for (MimeMessage message : batch) {
            Address[] to = message.getAllRecipients();
            for (Address address : to == null ? new Address[0] : to) {
                String lower = address.toString().toLowerCase();
                if (REFUSED.contains(lower) || CRASH_AFTER.contains(lower) || CRASH_BEFORE.contains(lower)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String crashing(MimeMessage message) throws MessagingException {
        Address[] to = message.getAllRecipients();
        for (Address address : to == null ? new Address[0] : to) {
            if (CRASH_AFTER.remove(address.toString().toLowerCase())) {
                return address.toString();
            }
        }
        return null;
    }

    private static String crashingBefore(MimeMessage message) throws MessagingException {
        Address[] to = message.getAllRecipients();
        for (Address address : to == null ? new Address[0] : to) {
            if (CRASH_BEFORE.remove(address.toString().toLowerCase())) {
                return address.toString();
            }
        }
        return null;
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
