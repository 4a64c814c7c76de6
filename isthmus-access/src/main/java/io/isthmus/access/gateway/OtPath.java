package io.isthmus.access.gateway;

import io.isthmus.model.AccessKind;
import io.isthmus.model.TagPath;
import io.isthmus.policy.AccessResource;
import io.isthmus.policy.Operation;
import java.io.IOException;
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
}
