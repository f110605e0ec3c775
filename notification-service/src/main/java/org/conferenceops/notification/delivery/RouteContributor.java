package org.conferenceops.notification.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a target into the routes it can be reached on. Each feature that owns a way of reaching people adds one. */
public interface RouteContributor {

    /**
     * The routes for the target and message kind, possibly none (unknown, erased, suspended, not subscribed to the
     * kind, or not this contributor's kind of target).
     */
    List<Route> routesFor(Target target, String kind);

    /**
     * The routes of several targets at once, by target (a target without routes may be left out): what a fan-out
     * batch asks, so that a contributor can look its targets up with one query instead of one each.
     */
    default Map<Target, List<Route>> routesFor(List<Target> targets, String kind) {
        Map<Target, List<Route>> routes = new HashMap<>();
        for (Target target : targets) {
            routes.put(target, routesFor(target, kind));
        }
        return routes;
    }
}
