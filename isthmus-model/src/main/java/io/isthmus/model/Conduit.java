package io.isthmus.model;

import static io.isthmus.model.Components.immutableSet;

import java.util.Objects;
import java.util.Set;

/**
 * An IEC 62443-3-2 conduit: the one allowed path between two zones, with the protocols it carries,
 * the kinds of operation allowed through it, and which side may open connections. Anything between
 * two zones that no conduit allows is a violation.
 *
 * @param fromZone the zone on the client side when {@link #initiator} is {@link Initiator#FROM}
 * @param toZone the zone on the server side when {@link #initiator} is {@link Initiator#FROM}
 */
public record Conduit(
        String name,
        String fromZone,
        String toZone,
        Set<Protocol> protocols,
        Set<AccessKind> allowed,
        Initiator initiator) {

    /** Which side of a conduit may open a connection (send the TCP SYN, the first datagram). */
    public enum Initiator {
        /** Only the from-zone opens connections; the to-zone only answers. */
        FROM,
        /** Only the to-zone opens connections. */
        TO,
        /** Either zone may open connections. */
        BOTH
    }

    public Conduit {
        Zone.checkName("conduit name", name);
        Zone.checkName("fromZone of conduit " + name, fromZone);
        Zone.checkName("toZone of conduit " + name, toZone);
        if (fromZone.equals(toZone)) {
            throw new IllegalArgumentException(
                    "conduit " + name + " connects zone " + fromZone + " to itself; a conduit joins two zones");
        }
        protocols = immutableSet(protocols, "protocols of conduit " + name);
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("conduit " + name + " carries no protocol; name at least one");
        }
        allowed = immutableSet(allowed, "allowed access kinds of conduit " + name);
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("conduit " + name + " allows no access kind; name at least one");
        }
        Objects.requireNonNull(initiator, "initiator of conduit " + name);
    }

    /** True when this conduit joins the two zones, in either direction. */
    public boolean joins(String zoneA, String zoneB) {
        return (fromZone.equals(zoneA) && toZone.equals(zoneB)) || (fromZone.equals(zoneB) && toZone.equals(zoneA));
    }

    /** True when a connection opened from {@code clientZone} to {@code serverZone} is allowed here. */
    public boolean mayOpen(String clientZone, String serverZone) {
        return switch (initiator) {
            case FROM -> fromZone.equals(clientZone) && toZone.equals(serverZone);
            case TO -> toZone.equals(clientZone) && fromZone.equals(serverZone);
            case BOTH -> joins(clientZone, serverZone);
        };
    }

    /** True when this conduit carries the protocol and allows the kind of operation. */
    public boolean allows(Protocol protocol, AccessKind kind) {
        return protocols.contains(protocol) && allowed.contains(kind);
    }
}
