package org.conferenceops.notification.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.notification.recipients.Directory;
import org.conferenceops.notification.recipients.FocalPointContact;
import org.conferenceops.notification.recipients.Preferences;
import org.conferenceops.notification.recipients.Recipient;
import org.springframework.stereotype.Component;

/**
 * Routes to delegates (on the channels they chose) and to focal points (by e-mail, to the contact their delegation
 * gave). An erased delegate has no routes.
 */
@Component
class DelegateRoutes implements RouteContributor {

    /** The recipient id of a delegation's focal point. */
    static String focalPointRecipient(String delegationId) {
        return "fp:" + delegationId;
    }

    private final Directory directory;

    DelegateRoutes(Directory directory) {
        this.directory = directory;
    }

    @Override
    public List<Route> routesFor(Target target, String kind) {
        return switch (target.type()) {
            case DELEGATE -> directory.delegate(target.id()).filter(r -> !r.erased()).map(this::delegate)
                    .orElse(List.of());
            case FOCAL_POINT -> directory.focalPoint(target.id()).map(DelegateRoutes::focalPoint).orElse(List.of());
            case SUBSCRIPTION_OWNER -> List.of();
        };
    }

    @Override
    public Map<Target, List<Route>> routesFor(List<Target> targets, String kind) {
        Map<Target, List<Route>> routes = new HashMap<>();
        List<String> delegateIds = new ArrayList<>();
        for (Target target : targets) {
            if (target.type() == Target.TargetType.DELEGATE) {
                delegateIds.add(target.id());
            }
            else {
                routes.put(target, routesFor(target, kind));
            }
        }
        for (Recipient recipient : directory.delegates(delegateIds)) {
            if (!recipient.erased()) {
                routes.put(Target.delegate(recipient.delegateId()), delegate(recipient));
            }
        }
        return routes;
    }

    private List<Route> delegate(Recipient recipient) {
        Preferences preferences = recipient.preferences();
        List<Route> routes = new ArrayList<>();
        for (Channel channel : Preferences.DELEGATE_CHANNELS) {
            if (!preferences.channels().contains(channel)) {
                continue;
            }
            String address = switch (channel) {
                case EMAIL -> recipient.email();
                case FEED -> recipient.delegateId();
                case SMS -> preferences.phone();
                default -> null;
            };
            if (address != null && !address.isBlank()) {
                routes.add(new Route(recipient.delegateId(), channel, address, recipient.effectiveLanguage(),
                        recipient.effectiveZone(), preferences.quietHours(), recipient.displayName(),
                        recipient.delegateId(), recipient.delegationId()));
            }
        }
        return routes;
    }

    private static List<Route> focalPoint(FocalPointContact contact) {
        return List.of(new Route(focalPointRecipient(contact.delegationId()), Channel.EMAIL, contact.email(),
                contact.language(), java.time.ZoneOffset.UTC, null, contact.name(), null, contact.delegationId()));
    }
}
