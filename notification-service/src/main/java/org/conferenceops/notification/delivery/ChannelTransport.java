package org.conferenceops.notification.delivery;

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

    /** The channel accepted a message on this route. */
    default void delivered(Route route) {
    }

    /** An attempt on this route failed (whether or not a retry follows). */
    default void attemptFailed(Route route) {
    }
}
