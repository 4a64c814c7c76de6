package io.isthmus.connect.transfer;

import io.isthmus.model.AssetId;
import io.isthmus.model.AttackIcs;
import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Severity;
import io.isthmus.model.Technique;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The journal payload of a {@link io.isthmus.connect.journal.RecordType#EVENT} record, so an edge's
 * events (a full journal, a PLC gone) travel to the hub with its samples, durably and exactly once.
 * Format version 1, big-endian; text is a u16 length and UTF-8, enums by name so codes never
 * shift:
 *
 * <pre>
 * u8 version 1 | i64 time (microseconds since the epoch) | text kind | text severity | text title
 * | u16 n, n x text asset id | u16 n, n x text technique id (ATT&amp;CK for ICS)
 * | text evidence summary | u16 n, n x (text name, text value)
 * </pre>
 */
public final class EventCodec {
    public static final int FORMAT_VERSION = 1;
    static final int MAX_TEXT = 4096;
    static final int MAX_ITEMS = 256;

    private final AttackIcs attack;

    public EventCodec(AttackIcs attack) {
        this.attack = Objects.requireNonNull(attack, "attack");
    }

    public static EventCodec withBundledAttack() {
        return new EventCodec(AttackIcs.bundled());
    }

    public byte[] encode(Event e) {
        var bytes = new ByteArrayOutputStream(256);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeLong(FieldReader.micros(e.time()));
            text(out, e.kind().name());
            text(out, e.severity().name());
            text(out, e.title());
            count(out, e.assets().size());
            for (AssetId a : e.assets()) {
                text(out, a.value());
            }
            count(out, e.techniques().size());
            for (Technique t : e.techniques()) {
                text(out, t.id());
            }
            text(out, e.evidence().summary());
            count(out, e.evidence().facts().size());
            for (Evidence.Fact f : e.evidence().facts()) {
                text(out, f.name());
                text(out, f.value());
            }
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return bytes.toByteArray();
    }

    private static void count(DataOutputStream out, int n) throws IOException {
        if (n > MAX_ITEMS) {
            throw new IllegalArgumentException(n + " items in one list of an event, at most " + MAX_ITEMS);
        }
        out.writeShort(n);
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > MAX_TEXT) {
            throw new IllegalArgumentException("event text of " + b.length + " bytes, at most " + MAX_TEXT);
        }
        out.writeShort(b.length);
        out.write(b);
    }

    /** The event, or why the bytes are not one; never throws. */
    public TransferDecoding<Event> decode(byte[] payload) {
        FieldReader in = new FieldReader(payload);
        try {
            return new TransferDecoding.Decoded<>(read(in));
        } catch (FieldReader.Bad b) {
            return new TransferDecoding.Malformed<>(b.error, b.offset, b.getMessage());
        }
    }

    private Event read(FieldReader in) throws FieldReader.Bad {
        int version = in.u8();
        if (version != FORMAT_VERSION) {
            throw new FieldReader.Bad(TransferError.NOT_A_BATCH, 0, "event format version " + version);
        }
        var time = in.micros();
        int at = in.position();
        try {
            EventKind kind = EventKind.valueOf(in.text(64));
            Severity severity = Severity.valueOf(in.text(64));
            String title = in.text(MAX_TEXT);
            List<AssetId> assets = new ArrayList<>();
            for (int i = 0, n = items(in); i < n; i++) {
                assets.add(new AssetId(in.text(AssetId.MAX_LENGTH)));
            }
            List<Technique> techniques = new ArrayList<>();
            for (int i = 0, n = items(in); i < n; i++) {
                techniques.add(attack.technique(in.text(64)));
            }
            String summary = in.text(MAX_TEXT);
            List<Evidence.Fact> facts = new ArrayList<>();
            for (int i = 0, n = items(in); i < n; i++) {
                facts.add(new Evidence.Fact(in.text(MAX_TEXT), in.text(MAX_TEXT)));
            }
            if (in.remaining() > 0) {
                throw new FieldReader.Bad(TransferError.TRAILING_BYTES, in.position(), in.remaining() + " byte(s)");
            }
            return new Event(time, kind, severity, title, assets, techniques, new Evidence(summary, facts));
        } catch (IllegalArgumentException | NullPointerException e) {
            // an unknown enum name or technique, a blank title, an asset id with spaces...
            return throwBad(at, e);
        }
    }

    private static Event throwBad(int at, RuntimeException e) throws FieldReader.Bad {
        throw new FieldReader.Bad(TransferError.BAD_FIELD, at, String.valueOf(e.getMessage()));
    }

    private static int items(FieldReader in) throws FieldReader.Bad {
        int at = in.position();
        int n = in.u16();
        if (n > MAX_ITEMS || n * 2L > in.remaining()) {
            throw new FieldReader.Bad(TransferError.EXCEEDS_LIMIT, at, n + " items, at most " + MAX_ITEMS);
        }
        return n;
    }
}
