package org.conferenceops.notification.sms;

import org.conferenceops.events.notification.Channel;
import org.conferenceops.notification.delivery.ChannelTransport;
import org.conferenceops.notification.delivery.DeliveryFailure;
import org.conferenceops.notification.delivery.OutboundMessage;
import org.springframework.stereotype.Component;

/** Sends a message's subject and text, cut to the configured length, to the delegate's phone. */
@Component
class SmsChannel implements ChannelTransport {

    private final SmsProvider provider;
    private final SmsSettings settings;

    SmsChannel(SmsProvider provider, SmsSettings settings) {
        this.provider = provider;
        this.settings = settings;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void send(OutboundMessage message) {
        String text = message.rendered().subject();
        if (text.length() > settings.maxChars()) {
            text = text.substring(0, settings.maxChars() - 1) + "…";
        }
        try {
            provider.send(message.notificationId(), message.route().address(), text);
        }
        catch (SmsProvider.SmsRejected e) {
            throw new DeliveryFailure(e.getMessage(), e.permanent(), e);
        }
    }
}
