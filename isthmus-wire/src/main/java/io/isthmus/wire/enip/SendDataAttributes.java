package io.isthmus.wire.enip;

import io.isthmus.wire.AttributeSink;
import io.isthmus.wire.LazyAttributes;
import io.isthmus.wire.enip.cip.CipMessage;
import java.util.List;
import java.util.OptionalLong;

/**
 * One SendRRData or SendUnitData message as its summary keeps it: the two header fields and the
 * decoded parts the summary shows (connection id, sequence count, CIP messages), and at the same
 * time that summary's attribute list ({@link EnipSummary} writes it). The dissector's decoder
 * builds one per message where an {@link EnipBody.SendData}, its message list and an attribute
 * object were three; most messages carry one CIP message, kept without a list.
 *
 * <p>Immutable, as {@link LazyAttributes} requires: the messages are immutable, and a list of
 * them is an immutable copy.
 */
final class SendDataAttributes extends LazyAttributes {

    /** No sequence count (an unconnected message). */
    static final int NO_SEQUENCE = -1;

    /** No connection id (an unconnected message); a decoded id is 32 bits, never this. */
    static final long NO_CONNECTION = -1;

    private final long session;
    private final long senderContext;
    /** The connection id, or {@link #NO_CONNECTION}: no {@link OptionalLong} per message. */
    private final long connectionId;

    private final int sequenceCount;
    /** The message when there is exactly one, else null. */
    private final CipMessage one;
    /** The messages when there are none or more than one (immutable), else null. */
    private final List<CipMessage> many;

    /**
     * @param connectionId the connection id (32 bits), or {@link #NO_CONNECTION}
     * @param sequenceCount the connected sequence count (16 bits), or {@link #NO_SEQUENCE}
     * @param first the first CIP message, null when there is none
     * @param more all the messages when there are more than one (copied), else null
     */
    SendDataAttributes(
            long session,
            long senderContext,
            long connectionId,
            int sequenceCount,
            CipMessage first,
            List<CipMessage> more) {
        this.session = session;
        this.senderContext = senderContext;
        this.connectionId = connectionId;
        this.sequenceCount = sequenceCount;
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
                d.sequenceCount().isPresent() ? d.sequenceCount().getAsInt() : NO_SEQUENCE,
                messages.size() == 1 ? messages.get(0) : null,
                messages.size() == 1 ? null : messages);
    }

    long session() {
        return session;
    }

    long senderContext() {
        return senderContext;
    }

    /** The connection id, or {@link #NO_CONNECTION}. */
    long connectionId() {
        return connectionId;
    }

    /** The connected sequence count, or {@link #NO_SEQUENCE}. */
    int sequenceCount() {
        return sequenceCount;
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
