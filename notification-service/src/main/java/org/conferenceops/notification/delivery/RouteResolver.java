package org.conferenceops.notification.delivery;

import java.util.ArrayList;
import java.util.List;
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
}
