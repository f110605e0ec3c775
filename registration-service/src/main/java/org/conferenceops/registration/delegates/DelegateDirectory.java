package org.conferenceops.registration.delegates;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.NotFoundException;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.registration.conferences.Conferences;
import org.conferenceops.registration.web.BadRequestException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Queries over a conference's delegates with paging, filters and sorting. Organisers see everyone; a focal point only
 * their own delegation (asking for another delegation is answered as not found).
 */
@Service
public class DelegateDirectory {

    /** Sort keys clients may use, mapped to document fields. */
    private static final Map<String, String> SORTABLE = Map.of("familyName", "profile.familyName", "givenName",
            "profile.givenName", "registeredAt", "registeredAt", "status", "status", "category", "category",
            "delegationId", "delegationId", "email", "email", "updatedAt", "updatedAt", "vipRank", "vipRank");
    private static final int MAX_PAGE_SIZE = 500;

    /**
     * Heads of state or government, then ministers, then everyone else. Ranks are stored by name and sorted by it:
     * {@code HEAD_OF_STATE_OR_GOVERNMENT < MINISTER < NONE}; {@code VipRankTest} guards that order.
     */
    public static final Sort VIP_FIRST = Sort.by(Sort.Direction.ASC, "vipRank");

    private final MongoTemplate mongo;
    private final Conferences conferences;

    DelegateDirectory(MongoTemplate mongo, Conferences conferences) {
        this.mongo = mongo;
        this.conferences = conferences;
    }

    /** One page of the delegates matching the filter that the caller may see. */
    public Page<Delegate> search(CurrentUser caller, String conferenceId, DelegateFilter filter, Pageable page) {
        Query query = Query.query(criteria(caller, conferenceId, filter));
        long total = mongo.count(query, Delegate.class);
        query.with(sort(page.getSort())).skip(page.getOffset()).limit(Math.min(page.getPageSize(), MAX_PAGE_SIZE));
        return new PageImpl<>(mongo.find(query, Delegate.class), page, total);
    }

    /** Every delegate matching the filter, sorted by delegation and family name (exports). */
    public List<Delegate> all(CurrentUser caller, String conferenceId, DelegateFilter filter) {
        Query query = Query.query(criteria(caller, conferenceId, filter))
                .with(Sort.by("delegationId", "profile.familyName", "profile.givenName"));
        return mongo.find(query, Delegate.class);
    }

    /** How many of the matching delegates are in each status (the queue's counters). */
    public Map<DelegateStatus, Long> countsByStatus(CurrentUser caller, String conferenceId, DelegateFilter filter) {
        Map<DelegateStatus, Long> counts = new EnumMap<>(DelegateStatus.class);
        for (DelegateStatus status : DelegateStatus.values()) {
            DelegateFilter one = new DelegateFilter(filter.delegationId(), status, filter.category(), filter.role(),
                    filter.vip(), filter.q());
            counts.put(status, mongo.count(Query.query(criteria(caller, conferenceId, one)), Delegate.class));
        }
        return counts;
    }

    private Criteria criteria(CurrentUser caller, String conferenceId, DelegateFilter filter) {
        conferences.require(conferenceId);
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("conferenceId").is(conferenceId));
        String delegationId = filter.delegationId();
        if (!caller.isOrganizer()) {
            if (caller.delegationId() == null || delegationId != null && !caller.mayActForDelegation(delegationId)) {
                throw new NotFoundException("delegation", delegationId == null ? "(none)" : delegationId);
            }
            delegationId = caller.delegationId();
        }
        if (delegationId != null) {
            all.add(Criteria.where("delegationId").is(delegationId));
        }
        if (filter.status() != null) {
            all.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.category() != null) {
            all.add(Criteria.where("category").is(filter.category()));
        }
        if (filter.role() != null) {
            all.add(Criteria.where("role").is(filter.role()));
        }
        if (filter.vip() != null) {
            all.add(filter.vip() ? Criteria.where("vipRank").ne(VipRank.NONE) : Criteria.where("vipRank").is(VipRank.NONE));
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            Pattern prefix = Pattern.compile("^" + Pattern.quote(filter.q().strip()), Pattern.CASE_INSENSITIVE);
            all.add(new Criteria().orOperator(Criteria.where("profile.familyName").regex(prefix),
                    Criteria.where("profile.givenName").regex(prefix), Criteria.where("email").regex(prefix)));
        }
        return new Criteria().andOperator(all.toArray(Criteria[]::new));
    }

    private static Sort sort(Sort requested) {
        if (requested.isUnsorted()) {
            return Sort.by("profile.familyName", "profile.givenName");
        }
        List<Sort.Order> orders = new ArrayList<>();
        for (Sort.Order order : requested) {
            String field = SORTABLE.get(order.getProperty());
            if (field == null) {
                throw new BadRequestException(new FieldViolation("sort", "unknown-sort-field",
                        "can sort by " + String.join(", ", SORTABLE.keySet().stream().sorted().toList())));
            }
            orders.add(new Sort.Order(order.getDirection(), field));
        }
        return Sort.by(orders);
    }
}
