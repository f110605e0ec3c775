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

    private final ConferenceRepository conferences;
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
        return conferences.findById(conferenceId).orElseThrow(() -> new NotFoundException("conference", conferenceId));
    }

    public Optional<Conference> find(String conferenceId) {
        return conferences.findById(conferenceId);
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
