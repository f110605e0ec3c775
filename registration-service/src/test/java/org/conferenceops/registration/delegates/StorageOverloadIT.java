package org.conferenceops.registration.delegates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.registration.Api;
import org.conferenceops.registration.delegations.Delegations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/**
 * Overload answers 503 with {@code Retry-After} and problem details, never 500, and leaves nothing half-written: the
 * storage failures Spring Data does not translate to a resource failure (the ones that escaped as 500 in the
 * benchmark) are injected where the delegate would be written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = Api.LOCAL_DEFAULTS)
class StorageOverloadIT {

    @LocalServerPort
    int port;

    @MockitoSpyBean
    EventOutbox outbox;

    @Autowired
    DelegateRepository delegates;

    @Autowired
    Delegations delegations;

    @Test
    void aClearedConnectionPoolIsA503WithRetryAfterNoDelegateAndNoSeatAndTheRetrySucceeds() throws Exception {
        DataAccessException poolCleared = translated(new MongoConnectionPoolClearedException(server(), null));
        assertThat(poolCleared).as("what Spring Data makes of it: not a resource failure")
                .isInstanceOf(UncategorizedMongoDbException.class);
        failDelegateWrites(poolCleared, null);
        Api api = new Api(port);
        String conference = api.newConference(null);
        String delegation = api.newDelegation(conference, "CHN");
        String key = "overload-" + UUID.randomUUID();
        String body = """
                {"givenName":"Wei","familyName":"Zhang","nativeFamilyName":"张","nativeGivenName":"伟",
                 "email":"wei.%s@example.org","preferredLanguage":"zh"}""".formatted(UUID.randomUUID());
        String path = "/api/conferences/" + conference + "/delegations/" + delegation + "/delegates";

        HttpResponse<String> refused = api.send("POST", path, TokenRequest.focalPoint(delegation), "application/json",
                body, Map.of("Idempotency-Key", key));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Api.json(refused);
        assertThat(problem.get("type").asString()).isEqualTo("urn:conference-ops:problem:service-unavailable");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("correlationId").asString()).isNotBlank();
        String id = DelegateRegistration.deterministicId(conference, delegation, key, 0);
        assertThat(delegates.findById(id)).as("no delegate").isEmpty();
        assertThat(delegations.reservationOf(delegation, id)).as("the seat was given back").isEmpty();
        assertThat(delegations.taken(delegation).adviser()).isZero();

        failDelegateWrites(null, null);
        HttpResponse<String> retried = api.send("POST", path, TokenRequest.focalPoint(delegation), "application/json",
                body, Map.of("Idempotency-Key", key));

        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(Api.json(retried).get("id").asString()).isEqualTo(id);
        assertThat(delegations.reservationOf(delegation, id)).isPresent();
        assertThat(delegations.taken(delegation).adviser()).isEqualTo(1);
    }

    @Test
    void aTimeoutInTheMiddleOfABulkUploadIsA503AndTheRetryWithItsKeyCompletesItWithoutDuplicates() throws Exception {
        Api api = new Api(port);
        String conference = api.newConference(null);
        String delegation = api.newDelegation(conference, "JPN");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        failDelegateWrites(translated(new MongoOperationTimeoutException("operation exceeded its time limit")),
                "second." + tag + "@example.org");
        String csv = """
                delegation,givenName,familyName,email,preferredLanguage,nativeFamilyName,nativeGivenName
                JPN,Taro,Yamada,first.%1$s@example.org,en,山田,太郎
                JPN,Hanako,Suzuki,second.%1$s@example.org,en,鈴木,花子
                JPN,Ichiro,Sato,third.%1$s@example.org,en,佐藤,一郎
                """.formatted(tag);
        String path = "/api/conferences/" + conference + "/delegates/bulk";
        Map<String, String> key = Map.of("Idempotency-Key", "bulk-" + tag);

        HttpResponse<String> refused = api.send("POST", path, TokenRequest.organizer(), "text/csv", csv, key);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(Api.json(refused).get("type").asString()).isEqualTo("urn:conference-ops:problem:service-unavailable");
        String third = DelegateRegistration.deterministicId(conference, "*", "bulk-" + tag, 4);
        assertThat(delegates.findById(third)).isEmpty();
        assertThat(delegations.reservationOf(delegation, third)).as("a row never written holds no seat").isEmpty();
        assertThat(delegations.taken(delegation).adviser())
                .as("the first row's seat and the timed-out row's, whose write may have landed").isEqualTo(2);

        failDelegateWrites(null, null);
        HttpResponse<String> retried = api.send("POST", path, TokenRequest.organizer(), "text/csv", csv, key);

        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(Api.json(retried).get("created").asInt()).isEqualTo(3);
        assertThat(Api.json(retried).get("errors")).isEmpty();
        assertThat(delegates.findById(third)).isPresent();
        assertThat(delegations.taken(delegation).adviser()).as("one seat per delegate, none counted twice")
                .isEqualTo(3);
    }

    /** Makes writes of delegates (all, or only the one with this e-mail) fail with {@code failure}; null heals. */
    private void failDelegateWrites(RuntimeException failure, String email) {
        doAnswer(invocation -> {
            AggregateDocument aggregate = invocation.getArgument(0);
            if (failure != null && aggregate instanceof Delegate delegate
                    && (email == null || delegate.email().equals(email))) {
                throw failure;
            }
            return invocation.callRealMethod();
        }).when(outbox).save(any(), anyList());
    }

    private static DataAccessException translated(RuntimeException driverException) {
        return new MongoExceptionTranslator().translateExceptionIfPossible(driverException);
    }

    private static ServerId server() {
        return new ServerId(new ClusterId(), new ServerAddress("127.0.0.1", 27017));
    }
}
