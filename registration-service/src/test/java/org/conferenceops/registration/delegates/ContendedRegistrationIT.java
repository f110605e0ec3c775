package org.conferenceops.registration.delegates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.registration.Api;
import org.conferenceops.registration.delegations.Delegation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/**
 * Registrations racing each other for one delegation's seats (as the burst of waiting requests after a storage outage
 * does) are retried by the service: each one is created or refused by the size cap, never told 409 "changed
 * concurrently", and the seat count stays exact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = Api.LOCAL_DEFAULTS)
class ContendedRegistrationIT {

    private static final int CONCURRENT = 40;

    @LocalServerPort
    int port;

    @MockitoSpyBean
    EventOutbox outbox;

    @Autowired
    MongoTemplate mongo;

    @MockitoSpyBean
    org.conferenceops.registration.conferences.Conferences conferences;

    private final AtomicInteger lostRaces = new AtomicInteger();

    @BeforeEach
    void countLostVersionRacesOnDelegations() {
        doAnswer(invocation -> {
            try {
                return invocation.callRealMethod();
            }
            catch (OptimisticLockingFailureException e) {
                if (invocation.getArgument(0) instanceof Delegation) {
                    lostRaces.incrementAndGet();
                }
                throw e;
            }
        }).when(outbox).save(any(), anyList());
    }

    @Test
    void fortyConcurrentRegistrationsToADelegationWithRoomAreAllCreatedAndHoldExactlyFortySeats() throws Exception {
        Api api = new Api(port);
        String conference = api.newConference("{\"representatives\":1,\"alternates\":0,\"advisers\":" + CONCURRENT + "}");
        String delegation = api.newDelegation(conference, "BRA");

        List<HttpResponse<String>> answers = registerAtOnce(api, conference, delegation);

        assertThat(statuses(answers)).isEqualTo(Map.of(201, (long) CONCURRENT));
        assertThat(answers.stream().map(a -> Api.json(a).get("id").asString()).distinct()).hasSize(CONCURRENT);
        assertThat(delegatesOf(delegation)).isEqualTo(CONCURRENT);
        assertThat(advisersSeated(api, conference, delegation)).isEqualTo(CONCURRENT);
        assertThat(lostRaces).as("the registrations really contended on the delegation").hasPositiveValue();
    }

    @Test
    void fortyConcurrentRegistrationsForTenSeatsCreateExactlyTenAndRefuseTheRestByTheCapNeverAsAConflict()
            throws Exception {
        int cap = 10;
        Api api = new Api(port);
        String conference = api.newConference("{\"representatives\":1,\"alternates\":0,\"advisers\":" + cap + "}");
        String delegation = api.newDelegation(conference, "IND");

        List<HttpResponse<String>> answers = registerAtOnce(api, conference, delegation);

        assertThat(statuses(answers)).isEqualTo(Map.of(201, (long) cap, 422, (long) (CONCURRENT - cap)));
        assertThat(answers.stream().filter(a -> a.statusCode() == 422)
                .map(a -> Api.json(a).get("rule").asString()).distinct()).containsExactly("delegation-size-cap");
        assertThat(delegatesOf(delegation)).isEqualTo(cap);
        assertThat(advisersSeated(api, conference, delegation)).isEqualTo(cap);
    }

    @Test
    void anUncontendedRegistrationTakesItsSeatFromTheDelegationAndConferenceItReadOnceEach() throws Exception {
        Api api = new Api(port);
        String conference = api.newConference("{\"representatives\":1,\"alternates\":0,\"advisers\":5}");
        String delegation = api.newDelegation(conference, "KEN");
        org.mockito.Mockito.clearInvocations(conferences, outbox);

        HttpResponse<String> answer = api.send("POST", "/api/conferences/" + conference + "/delegations/" + delegation
                + "/delegates", TokenRequest.focalPoint(delegation), "application/json", """
                {"givenName":"Wanjiru","familyName":"Kamau","email":"wanjiru.%s@example.org","preferredLanguage":"en"}"""
                .formatted(UUID.randomUUID()), Map.of());

        assertThat(answer.statusCode()).isEqualTo(201);
        // the conference read to check the request is the one the seat is taken under (it was read twice before)
        org.mockito.Mockito.verify(conferences, org.mockito.Mockito.times(1)).require(conference);
        // and the seat written from the delegation as read: one conditional write, which it won
        org.mockito.Mockito.verify(outbox, org.mockito.Mockito.times(1)).save(
                org.mockito.ArgumentMatchers.argThat(saved -> saved instanceof Delegation d
                        && d.id().equals(delegation)), anyList());
        assertThat(advisersSeated(api, conference, delegation)).isEqualTo(1);
    }

    /** Sends {@link #CONCURRENT} registrations, each with its own address, released at the same instant. */
    private List<HttpResponse<String>> registerAtOnce(Api api, String conference, String delegation) throws Exception {
        String path = "/api/conferences/" + conference + "/delegations/" + delegation + "/delegates";
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> pending = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT)) {
            for (int i = 0; i < CONCURRENT; i++) {
                String body = """
                        {"givenName":"Rita","familyName":"Costa","email":"rita.%s@example.org","preferredLanguage":"es"}"""
                        .formatted(UUID.randomUUID());
                pending.add(pool.submit(() -> {
                    start.await();
                    return api.send("POST", path, TokenRequest.focalPoint(delegation), "application/json", body,
                            Map.of());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        }
    }

    private static Map<Integer, Long> statuses(List<HttpResponse<String>> answers) {
        return answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    }

    private long delegatesOf(String delegation) {
        return mongo.count(Query.query(Criteria.where("delegationId").is(delegation)), Delegate.class);
    }

    private static long advisersSeated(Api api, String conference, String delegation) throws Exception {
        JsonNode view = Api.json(api.get("/api/conferences/" + conference + "/delegations/" + delegation,
                TokenRequest.organizer()));
        return view.get("advisers").asLong();
    }
}
