package org.conferenceops.notification.feed;

import java.time.Duration;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.platform.security.Role;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A delegate's own live feed. The delegate is taken from the token ({@code delegate_id}), so nobody can open
 * another delegate's feed.
 */
@RestController
class FeedController {

    private static final Duration CONNECTION = Duration.ofMinutes(30);

    private final FeedChannel feed;

    FeedController(FeedChannel feed) {
        this.feed = feed;
    }

    @GetMapping(path = "/api/me/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasRole('DELEGATE')")
    SseEmitter open(CurrentUser caller) {
        if (!caller.has(Role.DELEGATE) || caller.delegateId() == null) {
            throw new org.springframework.security.access.AccessDeniedException("a delegate token is required");
        }
        return feed.open(caller.delegateId(), CONNECTION);
    }
}
