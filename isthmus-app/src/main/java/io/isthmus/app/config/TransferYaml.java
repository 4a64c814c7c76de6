package io.isthmus.app.config;

import io.isthmus.app.hub.ReceiverSettings;
import io.isthmus.app.transfer.TransferText;
import io.isthmus.connect.transfer.receive.ReceiverConfig;
import io.isthmus.connect.transfer.send.PacingRamp;
import io.isthmus.connect.transfer.send.SenderConfig;
import java.util.Map;
import java.util.Set;

/**
 * The one-way transfer's YAML: an edge's {@code transfer:} section (bound to {@link SenderConfig})
 * and a hub's {@code receiver:} section (bound to {@link ReceiverSettings}). Every value is checked
 * here or in the record's constructor; an error names the section, the field and the value.
 */
final class TransferYaml {
    static final Set<String> SENDER = Set.of(
            "destination",
            "rate",
            "fec-overhead",
            "redundancy",
            "heartbeat",
            "fragment-bytes",
            "batch-size",
            "consumer",
            "hand-off-batches",
            "ramp-from",
            "ramp-up");
    static final Set<String> RECEIVER =
            Set.of("listen", "site", "gap-timeout", "reorder-window", "receive-buffer", "max-buffered", "warm-up");

    private TransferYaml() {}

    static SenderConfig sender(Map<String, Object> m) {
        try {
            SourceYaml.known("transfer", m, SENDER);
            Object destination = m.get("destination");
            if (destination == null) {
                throw new IllegalArgumentException(
                        "'destination' is required: the receiver's or the diode's HOST:PORT, e.g. 10.10.0.2:4800");
            }
            return SenderConfig.create(TransferText.hostPort(String.valueOf(destination)), b -> {
                if (m.containsKey("rate")) {
                    b.rateBitsPerSecond(TransferText.bitRate(String.valueOf(m.get("rate"))));
                }
                if (m.containsKey("fec-overhead")) {
                    b.fecOverhead(SourceYaml.number(m, "fec-overhead", 0));
                }
                if (m.containsKey("redundancy")) {
                    b.redundancy(whole(m, "redundancy"));
                }
                if (m.containsKey("heartbeat")) {
                    b.heartbeatInterval(DurationText.parse(String.valueOf(m.get("heartbeat"))));
                }
                if (m.containsKey("fragment-bytes")) {
                    b.fragmentBytes(whole(m, "fragment-bytes"));
                }
                if (m.containsKey("batch-size")) {
                    b.maxBatchBytes(size(m, "batch-size"));
                }
                if (m.containsKey("consumer")) {
                    b.consumerName(String.valueOf(m.get("consumer")));
                }
                if (m.containsKey("hand-off-batches")) {
                    b.handOffBatches(whole(m, "hand-off-batches"));
                }
                if (m.containsKey("ramp-from") || m.containsKey("ramp-up")) {
                    b.ramp(PacingRamp.of(
                            m.containsKey("ramp-from") ? SourceYaml.number(m, "ramp-from", 0) : null,
                            m.containsKey("ramp-up") ? DurationText.parse(String.valueOf(m.get("ramp-up"))) : null));
                }
            });
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("transfer: " + e.getMessage());
        }
    }

    static ReceiverSettings receiver(Map<String, Object> m) {
        try {
            SourceYaml.known("receiver", m, RECEIVER);
            Object listen = m.get("listen");
            if (listen == null) {
                throw new IllegalArgumentException(
                        "'listen' is required: the address and UDP port to receive on," + " e.g. 0.0.0.0:4800");
            }
            Object site = m.get("site");
            if (site == null) {
                throw new IllegalArgumentException("'site' is required: the site id of the edge whose journal"
                        + " arrives on this port (the frames carry none)");
            }
            var d = ReceiverConfig.defaults(TransferText.hostPort(String.valueOf(listen)));
            var config = new ReceiverConfig(
                    d.listen(),
                    m.containsKey("reorder-window") ? whole(m, "reorder-window") : d.reorderWindow(),
                    m.containsKey("gap-timeout")
                            ? DurationText.parse(String.valueOf(m.get("gap-timeout")))
                            : d.gapTimeout(),
                    m.containsKey("max-buffered")
                            ? ByteSizeText.parse(String.valueOf(m.get("max-buffered")))
                            : d.maxBufferedBytes(),
                    d.maxSessions(),
                    m.containsKey("receive-buffer") ? size(m, "receive-buffer") : d.receiveBufferBytes(),
                    d.limits(),
                    m.containsKey("warm-up") ? DurationText.parse(String.valueOf(m.get("warm-up"))) : d.warmUp());
            return new ReceiverSettings(String.valueOf(site), config);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("receiver: " + e.getMessage());
        }
    }

    private static int whole(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof Integer i) {
            return i;
        }
        throw new IllegalArgumentException(key + " must be a whole number, was '" + v + "'");
    }

    private static int size(Map<String, Object> m, String key) {
        long bytes = ByteSizeText.parse(String.valueOf(m.get(key)));
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " " + m.get(key) + " is too large");
        }
        return (int) bytes;
    }
}
