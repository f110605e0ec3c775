package org.conferenceops.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Architecture rules every service obeys, checked by an ArchUnit test in each service:
 * {@code @ArchTest static final ArchTests serviceRules = ArchTests.in(ServiceArchitecture.class);}.
 */
public final class ServiceArchitecture {

    private static final String[] SERVICES = {"registration", "session", "pledge", "notification"};

    private ServiceArchitecture() {
    }

    /** Features speak business: Kafka, Cloud Stream and the wire envelope stay inside the platform. */
    @ArchTest
    public static final ArchRule FEATURES_DO_NOT_TOUCH_MESSAGING_PLUMBING = noClasses()
            .that().resideInAnyPackage(servicePackages())
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                    "org.springframework.cloud.stream..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.conferenceops.events.EventEnvelope")
            .because("handlers and use cases get typed events and an EventContext, never records or headers");

    /** Services talk only through events: no service's code uses another service's classes. */
    @ArchTest
    public static final ArchRule SERVICES_DO_NOT_USE_EACH_OTHER = noClasses()
            .that().resideInAnyPackage(servicePackages())
            .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass>(
                    "depend on another service's classes") {
                @Override
                public void check(com.tngtech.archunit.core.domain.JavaClass item,
                        com.tngtech.archunit.lang.ConditionEvents events) {
                    String own = serviceOf(item.getPackageName());
                    item.getDirectDependenciesFromSelf().forEach(dependency -> {
                        String other = serviceOf(dependency.getTargetClass().getPackageName());
                        if (other != null && !other.equals(own)) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(dependency,
                                    dependency.getDescription()));
                        }
                    });
                }
            })
            .because("each service owns its data and learns about others only from events");

    /** Constructor injection only, so every dependency is visible and objects are complete when built. */
    @ArchTest
    public static final ArchRule NO_FIELD_INJECTION = fields()
            .that().areDeclaredInClassesThat().resideInAnyPackage(servicePackages())
            .should().notBeAnnotatedWith(Autowired.class)
            .because("constructor injection keeps dependencies explicit");

    private static String[] servicePackages() {
        String[] packages = new String[SERVICES.length];
        for (int i = 0; i < SERVICES.length; i++) {
            packages[i] = "org.conferenceops." + SERVICES[i] + "..";
        }
        return packages;
    }

    private static String serviceOf(String packageName) {
        for (String service : SERVICES) {
            String root = "org.conferenceops." + service;
            if (packageName.equals(root) || packageName.startsWith(root + ".")) {
                return service;
            }
        }
        return null;
    }
}
