package org.conferenceops.pledge;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.conferenceops.testsupport.ServiceArchitecture;

@AnalyzeClasses(packages = "org.conferenceops.pledge", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresDoNotTouchMessagingPlumbing = ServiceArchitecture.FEATURES_DO_NOT_TOUCH_MESSAGING_PLUMBING;

    @ArchTest
    static final ArchRule servicesDoNotUseEachOther = ServiceArchitecture.SERVICES_DO_NOT_USE_EACH_OTHER;

    @ArchTest
    static final ArchRule noFieldInjection = ServiceArchitecture.NO_FIELD_INJECTION;
}
