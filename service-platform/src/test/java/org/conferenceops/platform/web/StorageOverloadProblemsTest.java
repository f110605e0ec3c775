package org.conferenceops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outages and overload are 503 with {@code Retry-After} and problem details, never 500 (the benchmark's 500s under
 * load were driver failures that Spring Data wraps as uncategorised), while a conflict stays 409.
 */
class StorageOverloadProblemsTest {

    private static final ServerAddress SERVER = new ServerAddress("127.0.0.1", 27017);
    private static final MongoExceptionTranslator TRANSLATOR = new MongoExceptionTranslator();

    /** Each failure as the repository or template hands it to a controller (translated where Spring Data does). */
    private static final Map<String, RuntimeException> FAILURES = new LinkedHashMap<>();

    static {
        FAILURES.put("pool-cleared", TRANSLATOR.translateExceptionIfPossible(new MongoConnectionPoolClearedException(
                new ServerId(new ClusterId(), SERVER), null)));
        FAILURES.put("operation-timeout", TRANSLATOR.translateExceptionIfPossible(
                new MongoOperationTimeoutException("timeoutMS expired")));
        FAILURES.put("server-time-limit", TRANSLATOR.translateExceptionIfPossible(
                new MongoExecutionTimeoutException(50, "operation exceeded time limit")));
        FAILURES.put("interrupted", TRANSLATOR.translateExceptionIfPossible(
                new MongoInterruptedException("interrupted while waiting", null)));
        FAILURES.put("lock", new CannotAcquireLockException("lock wait timed out"));
        FAILURES.put("executor", new TaskRejectedException("queue full", new RejectedExecutionException("full")));
        FAILURES.put("socket-timeout", TRANSLATOR.translateExceptionIfPossible(
                new MongoSocketReadTimeoutException("read timed out", SERVER, new java.net.SocketTimeoutException())));
        FAILURES.put("wait-queue-timeout", TRANSLATOR.translateExceptionIfPossible(
                new MongoTimeoutException("timed out waiting for a connection")));
        FAILURES.put("optimistic", new OptimisticLockingFailureException("changed concurrently"));
        FAILURES.put("bug", new IllegalStateException("a bug", new IllegalArgumentException("not an overload")));
    }

    @RestController
    static class Failing {

        @GetMapping("/fail/{kind}")
        String fail(@PathVariable String kind) {
            throw FAILURES.get(kind);
        }
    }

    @Test
    void everyOverloadIsA503WithRetryAfterAndProblemDetailsAndAConflictStaysA409() throws Exception {
        MockMvc service = MockMvcBuilders.standaloneSetup(new Failing())
                .setControllerAdvice(new ProblemDetailsAdvice()).build();

        for (String kind : FAILURES.keySet()) {
            MockHttpServletResponse response = get(service, kind);
            if (kind.equals("optimistic")) {
                assertThat(response.getStatus()).isEqualTo(409);
                continue;
            }
            if (kind.equals("bug")) {
                assertThat(response.getStatus()).isEqualTo(500);
                continue;
            }
            assertThat(response.getStatus()).as(kind).isEqualTo(503);
            assertThat(response.getHeader("Retry-After")).as(kind).isEqualTo("5");
            assertThat(response.getContentType()).as(kind).startsWith("application/problem+json");
            assertThat(response.getContentAsString()).as(kind)
                    .contains("\"type\":\"urn:conference-ops:problem:service-unavailable\"")
                    .contains("\"status\":503");
        }
    }

    private static MockHttpServletResponse get(MockMvc mvc, String kind) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/fail/" + kind))
                .andReturn().getResponse();
    }
}
