package org.conferenceops.notification.sms;

/** An SMS gateway. */
public interface SmsProvider {

    /**
     * Hands a text to the provider.
     *
     * @param reference an idempotency key the provider may use to drop a repeat (the notification id)
     * @param to        E.164 number
     * @param text      the text, at most a few segments
     * @return the provider's message id
     * @throws SmsRejected when the provider refuses it
     */
    String send(String reference, String to, String text);

    /** The provider refused or could not take a message; {@code permanent} when retrying cannot help. */
    class SmsRejected extends RuntimeException {

        private final boolean permanent;

        public SmsRejected(String reason, boolean permanent) {
            super(reason);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
