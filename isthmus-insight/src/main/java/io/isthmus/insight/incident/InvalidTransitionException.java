package io.isthmus.insight.incident;

/** A command that the incident's status does not allow (acknowledging a resolved incident). */
public final class InvalidTransitionException extends Exception {
    public InvalidTransitionException(String message) {
        super(message);
    }
}
