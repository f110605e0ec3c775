package org.conferenceops.notification.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.conferenceops.events.notification.Channel;

/** Hands a rendered message to the outside world on one channel. */
public interface ChannelTransport {

    Channel channel();

    /**
     * Delivers the message; returns when the channel accepted it.
     *
     * @throws DeliveryFailure when it did not (permanent or worth retrying)
     */
    void send(OutboundMessage message);

    /**
     * Delivers several messages, over one connection where the channel has connections, and returns the failures
     * by notification id (the others were accepted). {@code accepted} is called with each message as soon as the
     * channel accepted it, before the next one is sent, so that the caller can record it at once: a crash then
     * leaves at most the message being sent unrecorded. By default one {@link #send} after another.
     */
    default Map<String, DeliveryFailure> sendAll(List<OutboundMessage> messages, Consumer<OutboundMessage> accepted) {
        Map<String, DeliveryFailure> failures = new HashMap<>();
        for (OutboundMessage message : messages) {
            try {
                send(message);
            }
            catch (DeliveryFailure failure) {
                failures.put(message.notificationId(), failure);
                continue;
            }
            catch (RuntimeException unexpected) {
                failures.put(message.notificationId(), new DeliveryFailure("transport error: "
                        + unexpected.getClass().getSimpleName(), false, unexpected));
                continue;
            }
            accepted.accept(message);
        }
        return failures;
    }

    /**
     * Whether a message delivered again under its notification id is recognised as the same message by the
     * recipient (a feed entry carries its id, and the log is what the feed shows). The outcomes of such a channel are
     * recorded together after a hand-off, in one write, instead of one by one as each is accepted: a crash before
     * that write makes the hand-off go again, which such a channel absorbs.
     */
    default boolean redeliverySafe() {
        return false;
    }

    /** The channel accepted a message on this route. */
    default void delivered(Route route) {
    }

    /** An attempt on this route failed (whether or not a retry follows). */
    default void attemptFailed(Route route) {
    }
}
