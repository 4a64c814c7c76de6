package io.isthmus.wire.enip.cip;

import io.isthmus.model.AccessKind;
import java.util.List;
import java.util.OptionalLong;

/**
 * The access kind of a CIP message tree: the strongest kind among the messages that do something
 * themselves. Multiple Service Packet and Unconnected Send only carry other messages, so they count
 * only when nothing inside them could be decoded. Order, weakest first: discovery, diagnostic,
 * read, write, control, program.
 */
public final class CipAccess {

    private CipAccess() {}

    public static AccessKind of(CipMessage message) {
        AccessKind strongest = null;
        List<CipMessage> embedded = message.embedded();
        for (int i = 0; i < embedded.size(); i++) { // indexed: no iterator per (mostly empty) list
            CipMessage e = embedded.get(i);
            // A message without embedded ones is its own kind: no recursive call for it.
            strongest = stronger(strongest, e.embedded().isEmpty() ? own(e) : of(e));
        }
        return strongest != null ? strongest : own(message);
    }

    /**
     * The kind of this message alone. An {@code instanceof} test rather than a pattern switch: it
     * runs for every message of every tree, and the switch is a type-switch bootstrap call.
     */
    public static AccessKind own(CipMessage message) {
        if (message instanceof CipMessage.Request r) {
            return CipObjectServices.access(
                    r.service(), r.path().classId(), r.path().symbol().isPresent());
        }
        return CipObjectServices.access(message.service(), OptionalLong.empty(), false); // a reply
    }

    public static AccessKind stronger(AccessKind a, AccessKind b) {
        if (a == null) {
            return b;
        }
        return rank(b) > rank(a) ? b : a;
    }

    /** The kinds by {@link #rank}, weakest first. */
    private static final AccessKind[] BY_RANK = {
        AccessKind.DISCOVERY,
        AccessKind.DIAGNOSTIC,
        AccessKind.READ,
        AccessKind.WRITE,
        AccessKind.CONTROL,
        AccessKind.PROGRAM
    };

    /** The kind of {@link #rank} {@code rank} (0..5). */
    public static AccessKind ofRank(int rank) {
        return BY_RANK[rank];
    }

    /** The kind's place in the order, weakest (discovery) 0 to strongest (program) 5. */
    public static int rank(AccessKind k) {
        return switch (k) {
            case DISCOVERY -> 0;
            case DIAGNOSTIC -> 1;
            case READ -> 2;
            case WRITE -> 3;
            case CONTROL -> 4;
            case PROGRAM -> 5;
        };
    }
}
