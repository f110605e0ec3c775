package org.conferenceops.notification.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Asks every contributor for the routes of a target. */
@Component
class RouteResolver {

    private final List<RouteContributor> contributors;

    RouteResolver(List<RouteContributor> contributors) {
        this.contributors = contributors;
    }

    List<Route> routesFor(Target target, String kind) {
        List<Route> routes = new ArrayList<>();
        for (RouteContributor contributor : contributors) {
            routes.addAll(contributor.routesFor(target, kind));
        }
        return routes;
    }

    /** The routes of several targets, by target, each contributor asked once. */
    Map<Target, List<Route>> routesFor(List<Target> targets, String kind) {
        Map<Target, List<Route>> routes = new HashMap<>();
        for (RouteContributor contributor : contributors) {
            contributor.routesFor(targets, kind).forEach((target, found) -> {
                if (!found.isEmpty()) {
                    routes.computeIfAbsent(target, t -> new ArrayList<>()).addAll(found);
                }
            });
        }
        return routes;
    }
}
