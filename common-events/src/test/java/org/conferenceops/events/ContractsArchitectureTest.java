package org.conferenceops.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.conferenceops.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractsArchitectureTest {

    @ArchTest
    static final ArchRule contractsKnowNoFrameworkOrBroker = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..")
            .because("every service, whatever it runs on, must be able to read the contracts");

    @ArchTest
    static final ArchRule everyEventIsAnImmutableRecord = classes()
            .that().implement(IntegrationEvent.class)
            .should().beRecords()
            .because("events are facts: immutable, no setters");

    @ArchTest
    static final ArchRule eventsAreNamedInThePastTenseWithoutASuffix = classes()
            .that().implement(IntegrationEvent.class)
            .should().haveSimpleNameNotEndingWith("Event")
            .because("DelegateRegistered, not DelegateRegisteredEvent");
}
