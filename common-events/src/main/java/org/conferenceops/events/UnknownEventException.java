package org.conferenceops.events;

/**
 * A well-formed envelope whose (type, version) this build does not know, typically a newer contract version
 * published before this consumer was upgraded. It is dead-lettered (not dropped) so it can be replayed later.
 */
public class UnknownEventException extends InvalidEventException {

    public UnknownEventException(String reason) {
        super(reason);
    }
}
