package io.isthmus.wire.enip;

import io.isthmus.wire.AttributeSink;
import io.isthmus.wire.LazyAttributes;
import io.isthmus.wire.enip.cip.CipMessage;
import java.util.List;
import java.util.OptionalLong;

/**
 * One SendRRData or SendUnitData message as its summary keeps it: the two header fields and the
 * decoded parts the attributes show (connection id, CIP messages), and at the same
 * time that summary's attribute list ({@link EnipSummary} writes it). The dissector's decoder
 * builds one per message where an {@link EnipBody.SendData}, its message list and an attribute
 * object were three; most messages carry one CIP message, kept without a list.
 *
 * <p>Immutable, as {@link LazyAttributes} requires: the messages are immutable, and a list of
 * them is an immutable copy.
 */
final class SendDataAttributes extends LazyAttributes {

    /** No connection id (an unconnected message); a decoded id is 32 bits, never this. */
    static final long NO_CONNECTION = -1;

    /**
     * The session handle's 32 bits (read back unsigned): with the sequence count left to the
     * summary, which takes it as its transaction, the object is 48 bytes, not 56.
     */
    private final int session;

    private final long senderContext;
    /** The connection id, or {@link #NO_CONNECTION}: no {@link OptionalLong} per message. */
    private final long connectionId;
    /** The message when there is exactly one, else null. */
    private final CipMessage one;
    /** The messages when there are none or more than one (immutable), else null. */
    private final List<CipMessage> many;

    /**
     * @param session the session handle (32 bits)
     * @param connectionId the connection id (32 bits), or {@link #NO_CONNECTION}
     * @param first the first CIP message, null when there is none
     * @param more all the messages when there are more than one (copied), else null
     */
    SendDataAttributes(long session, long senderContext, long connectionId, CipMessage first, List<CipMessage> more) {
        if ((session >>> 32) != 0) {
            throw new IllegalArgumentException("session handle above 32 bits: " + session);
        }
        this.session = (int) session;
        this.senderContext = senderContext;
        this.connectionId = connectionId;
        this.one = more == null ? first : null;
        this.many = more != null ? List.copyOf(more) : first == null ? List.of() : null;
    }

    /** The attributes of a decoded {@link EnipBody.SendData} with these header fields. */
    static SendDataAttributes of(long session, long senderContext, EnipBody.SendData d) {
        List<CipMessage> messages = d.messages();
        return new SendDataAttributes(
                session,
                senderContext,
                d.connectionId().orElse(NO_CONNECTION),
                messages.size() == 1 ? messages.get(0) : null,
                messages.size() == 1 ? null : messages);
    }

    long session() {
        return Integer.toUnsignedLong(session);
    }

    long senderContext() {
        return senderContext;
    }

    /** The connection id, or {@link #NO_CONNECTION}. */
    long connectionId() {
        return connectionId;
    }

    /** How many CIP messages the data items carried. */
    int messageCount() {
        return one != null ? 1 : many.size();
    }

    /** The {@code i}-th CIP message, in wire order. */
    CipMessage message(int i) {
        if (one != null) {
            if (i != 0) {
                throw new IndexOutOfBoundsException(i);
            }
            return one;
        }
        return many.get(i);
    }

    @Override
    public void writeTo(AttributeSink out) {
        EnipSummary.writeSendData(this, out);
    }
}
