package io.isthmus.wire.bacnet.apdu;

import io.isthmus.model.AccessKind;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.bacnet.encoding.ObjectIdentifier;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the service parameters of one APDU say, as far as a sensor reads them: named attributes, the
 * object instance touched and how many items, an error status, an access kind refined by a
 * parameter (reinitializeDevice backup/restore), and where the parameters stopped making sense.
 */
public final class ServiceFacts {
    private final AttributeRecord attributes;
    private OptionalLong address = OptionalLong.empty();
    private OptionalLong quantity = OptionalLong.empty();
    private Optional<String> status = Optional.empty();
    private Optional<AccessKind> access = Optional.empty();
    private Optional<String> unexpected = Optional.empty();

    /** @param attributes where the attributes go: the message's own record, after what it holds */
    public ServiceFacts(AttributeRecord attributes) {
        this.attributes = attributes;
    }

    public AttributeRecord attributes() {
        return attributes;
    }

    /** The first object instance the message touches. */
    public OptionalLong address() {
        return address;
    }

    public OptionalLong quantity() {
        return quantity;
    }

    public Optional<String> status() {
        return status;
    }

    /** A kind that overrides the service's own, when a parameter shows what it really does. */
    public Optional<AccessKind> access() {
        return access;
    }

    /** A description of parameters that do not have the structure clause 21 gives the service. */
    public Optional<String> unexpected() {
        return unexpected;
    }

    ServiceFacts attribute(String name, String value) {
        attributes.text(name, value);
        return this;
    }

    /** A number, kept as one: its text is made when the attributes are read. */
    ServiceFacts attribute(String name, long value) {
        attributes.number(name, value);
        return this;
    }

    ServiceFacts attribute(String name, boolean value) {
        attributes.flag(name, value);
        return this;
    }

    /** {@code object_type} and {@code object_instance} of the object the message touches. */
    ServiceFacts object(ObjectIdentifier id) {
        attribute("object_type", ObjectType.describe(id.type()));
        attribute("object_instance", id.instance());
        return this;
    }

    ServiceFacts range(long first, long count) {
        address = MessageSummary.number(first);
        quantity = MessageSummary.number(count);
        return this;
    }

    ServiceFacts status(String s) {
        status = Optional.of(s);
        return this;
    }

    ServiceFacts access(AccessKind kind) {
        access = Optional.of(kind);
        return this;
    }

    ServiceFacts unexpected(String what) {
        if (unexpected.isEmpty()) {
            unexpected = Optional.of(what);
        }
        return this;
    }
}
