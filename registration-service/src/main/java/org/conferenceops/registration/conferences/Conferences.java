package org.conferenceops.registration.conferences;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.conferenceops.events.registration.AccreditationCategory;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.platform.problem.ConflictException;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.NotFoundException;
import org.conferenceops.platform.problem.RuleViolationException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Creating and reading conferences; the one place other features look an edition up. */
@Service
@EnableConfigurationProperties(RegistrationProperties.class)
public class Conferences {

    /** How many editions are remembered at most; a deployment holds a handful. */
    static final int REMEMBERED = 1_000;

    private final ConferenceRepository conferences;
    private final java.util.Map<String, Conference> found = new java.util.concurrent.ConcurrentHashMap<>();
    private final EventOutbox outbox;
    private final RegistrationProperties properties;
    private final Clock clock;

    Conferences(ConferenceRepository conferences, EventOutbox outbox, RegistrationProperties properties, Clock clock) {
        this.conferences = conferences;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /** The conference, or 404 naming it ("wrong conference"). */
    public Conference require(String conferenceId) {
        return find(conferenceId).orElseThrow(() -> new NotFoundException("conference", conferenceId));
    }

    /**
     * The conference, read from the database the first time only: an edition is never changed once created (this
     * class, the only one that writes them, inserts them and nothing else; an id is never reused), so what was read
     * stays true, in every replica. Every registration, check-in and badge looks its edition up; reading it each
     * time was a tenth of the registration-service's CPU at 300 registrations/s. One not found is not remembered:
     * it may be created meanwhile, here or in another replica.
     */
    public Optional<Conference> find(String conferenceId) {
        Conference known = found.get(conferenceId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Conference> stored = conferences.findById(conferenceId);
        stored.ifPresent(conference -> {
            if (found.size() < REMEMBERED) {
                found.putIfAbsent(conferenceId, conference);
            }
        });
        return stored;
    }

    public List<Conference> all() {
        return conferences.findAll().stream()
                .sorted((a, b) -> b.startDate().compareTo(a.startDate())).toList();
    }

    /** Creates an edition; 409 when the id is taken. */
    public Conference create(ConferenceRequest request) {
        try {
            ZoneId.of(request.timeZone());
        }
        catch (DateTimeException e) {
            throw new RuleViolationException("unknown-time-zone",
                    new FieldViolation("timeZone", "unknown-time-zone", "must be an IANA time zone such as Europe/Berlin"));
        }
        if (request.endDate().isBefore(request.startDate())) {
            throw new RuleViolationException("dates-in-order",
                    new FieldViolation("endDate", "dates-in-order", "must not be before startDate"));
        }
        Conference conference = Conference.create(request.id(), request.name(), request.city(), request.hostCountry(),
                request.startDate(), request.endDate(), request.timeZone(), request.mode(), request.venue(),
                request.workingLanguages().stream().map(UnLanguage::ofCode).toList(),
                request.sizeRule() != null ? request.sizeRule() : properties.delegationSize().rule(),
                request.accreditationCategories() != null ? request.accreditationCategories() : allCategories(),
                request.registrationOpensAt(), request.registrationClosesAt(),
                request.entrances() != null ? request.entrances() : List.of(), clock.instant());
        try {
            return outbox.save(conference, List.of());
        }
        catch (DuplicateKeyException e) {
            throw new ConflictException("conference " + request.id() + " already exists");
        }
    }

    /** Stores a conference unless one with its id exists: the idempotent path of the demo seed. */
    public boolean createIfAbsent(ConferenceRequest request) {
        if (conferences.existsById(request.id())) {
            return false;
        }
        try {
            create(request);
            return true;
        }
        catch (ConflictException e) {
            return false;
        }
    }

    /** The size rule new conferences get by default. */
    public DelegationSizeRule defaultSizeRule() {
        return properties.delegationSize().rule();
    }

    static List<AccreditationCategory> allCategories() {
        return Arrays.stream(AccreditationCategory.values()).filter(c -> c != AccreditationCategory.UNKNOWN).toList();
    }
}
