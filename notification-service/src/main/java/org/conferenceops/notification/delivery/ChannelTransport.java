package org.conferenceops.notification.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * by notification id (the others were accepted). By default one {@link #send} after another.
     */
    default Map<String, DeliveryFailure> sendAll(List<OutboundMessage> messages) {
        Map<String, DeliveryFailure> failures = new HashMap<>();
        for (OutboundMessage message : messages) {
            try {
                send(message);
            }
            catch (DeliveryFailure failure) {
                failures.put(message.notificationId(), failure);
            }
            catch (RuntimeException unexpected) {
                failures.put(message.notificationId(), new DeliveryFailure("transport error: "
                        + unexpected.getClass().getSimpleName(), false, unexpected));
            }
        }
        return failures;
    }

    /** The channel accepted a message on this route. */
    default void delivered(Route route) {
    }

    /** An attempt on this route failed (whether or not a retry follows). */
    default void attemptFailed(Route route) {
    }
}
