package org.conferenceops.notification.delivery;

/**
 * Someone a fan-out addresses, before channels are chosen: a delegate, the focal point of a delegation, or the owner
 * of a webhook subscription. {@link RouteContributor}s turn a target into routes.
 *
 * @param type what the id names
 * @param id   a delegate id, delegation id or subscription id
 */
public record Target(TargetType type, String id) {

    public static Target delegate(String delegateId) {
        return new Target(TargetType.DELEGATE, delegateId);
    }

    public static Target focalPoint(String delegationId) {
        return new Target(TargetType.FOCAL_POINT, delegationId);
    }

    public static Target subscriptionOwner(String subscriptionId) {
        return new Target(TargetType.SUBSCRIPTION_OWNER, subscriptionId);
    }

    /** The kinds of target. */
    public enum TargetType {
        DELEGATE, FOCAL_POINT, SUBSCRIPTION_OWNER
    }
}
