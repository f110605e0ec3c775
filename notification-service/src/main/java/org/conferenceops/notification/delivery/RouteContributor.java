package org.conferenceops.notification.delivery;

import java.util.List;

/** Turns a target into the routes it can be reached on. Each feature that owns a way of reaching people adds one. */
public interface RouteContributor {

    /**
     * The routes for the target and message kind, possibly none (unknown, erased, suspended, not subscribed to the
     * kind, or not this contributor's kind of target).
     */
    List<Route> routesFor(Target target, String kind);
}
