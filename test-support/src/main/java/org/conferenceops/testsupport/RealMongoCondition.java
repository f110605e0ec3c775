package org.conferenceops.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Skips {@link RequiresRealMongo} tests on the embedded MongoDB server, saying why. */
class RealMongoCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getElement(), RequiresRealMongo.class)
                .map(requirement -> TestInfrastructure.get().mongoKind() == TestInfrastructure.Kind.EMBEDDED
                        ? ConditionEvaluationResult.disabled("needs a real MongoDB (" + requirement.value()
                                + "); running against the embedded wire-protocol server. Set MONGODB_URI or run "
                                + "where Docker is available to include it.")
                        : ConditionEvaluationResult.enabled("real MongoDB available"))
                .orElse(ConditionEvaluationResult.enabled("no real-MongoDB requirement"));
    }
}
