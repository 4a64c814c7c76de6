package io.isthmus.access.gateway;

import io.isthmus.model.AccessKind;
import io.isthmus.model.TagPath;
import io.isthmus.policy.AccessResource;
import io.isthmus.policy.Operation;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's only way to the plant: a driver that knows where each writable tag lives. The
 * gateway asks it for the wire operation a change would be, checks that operation against the
 * zones-and-conduits policy, and only then lets it execute.
 */
public interface OtPath {
    /** The resource a tag is (zone from the device's address), or empty for a tag the gateway does not know. */
    Optional<AccessResource> resource(TagPath tag);

    /** Whether changing the tag is a write (setpoint) or a control action (run, stop, reset). */
    AccessKind changeKind(TagPath tag);

    /** The protocol operation {@code item} becomes; {@link IllegalArgumentException} when it cannot be written. */
    Operation operation(WriteItem item);

    /** Sends the change and waits for the device's confirmation. */
    void execute(WriteItem item) throws IOException;

    /**
     * The wire operations of a recipe: one per contiguous register run of one device and unit, in
     * the order they are to be sent. {@link IllegalArgumentException} naming the item when one
     * cannot be written in a recipe (unknown, read-only, out of range). A path that writes no
     * recipes refuses every one.
     */
    default List<RecipeRun> plan(List<WriteItem> items) {
        throw new IllegalArgumentException("this path to OT writes no recipes");
    }

    /**
     * Sends one run and waits for the device's confirmation. {@link NotWrittenException} when the
     * device was not reached or refused the request (nothing of the run was written); any other
     * {@link IOException} leaves it open whether the device wrote it.
     */
    default void execute(RecipeRun run) throws IOException {
        throw new NotWrittenException("this path to OT writes no recipes");
    }

    /** The run certainly did not change the device: never sent, or answered with an exception. */
    final class NotWrittenException extends IOException {
        public NotWrittenException(String message) {
            super(message);
        }

        public NotWrittenException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
