package io.isthmus.connect.opcua;

import io.isthmus.connect.config.Deadband;
import io.isthmus.connect.config.Scaling;
import io.isthmus.model.TagPath;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;

/**
 * One subscribed variable.
 *
 * @param path its ISA-95 name
 * @param source id of the {@link OpcUaSourceConfig} it is read from
 * @param nodeId the variable's node, parsed from the string form of OPC UA Part 6, 5.3.1.10: {@code
 *     ns=2;s=...} (namespace index, which a server may renumber on restart) or {@code
 *     nsu=urn:...;s=...} (namespace URI, resolved after connecting); identifiers {@code i= s= g= b=}
 * @param unit engineering unit, e.g. {@code degC}; empty when dimensionless
 * @param scaling raw to engineering value for numbers; {@link Scaling#IDENTITY} keeps integers integer
 * @param deadband report-by-exception on the client; {@link Deadband#NONE} reports every notification
 * @param samplingInterval the item's own sampling interval; empty for the source's
 */
public record OpcUaTagConfig(
        TagPath path,
        String source,
        ExpandedNodeId nodeId,
        String unit,
        Scaling scaling,
        Deadband deadband,
        Optional<Duration> samplingInterval) {

    public OpcUaTagConfig {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, path + ": source");
        Objects.requireNonNull(nodeId, path + ": nodeId");
        Objects.requireNonNull(scaling, path + ": scaling");
        Objects.requireNonNull(deadband, path + ": deadband");
        Objects.requireNonNull(samplingInterval, path + ": samplingInterval");
        unit = unit == null ? "" : unit;
        if (nodeId.isNull()) {
            throw new IllegalArgumentException(path + ": nodeId must not be the null node");
        }
        samplingInterval.ifPresent(
                d -> OpcUaSourceConfig.requireDuration(path.toString(), "samplingInterval", d, Duration.ZERO));
    }

    /** A tag with identity scaling, no unit, no deadband, the source's sampling interval. */
    public static OpcUaTagConfig of(TagPath path, String source, String nodeId) {
        return new OpcUaTagConfig(
                path, source, parseNodeId(nodeId), "", Scaling.IDENTITY, Deadband.NONE, Optional.empty());
    }

    /**
     * Parses a NodeId string ({@code ns=2;s=name}, {@code i=85}, {@code nsu=urn:x;s=name}); the
     * error quotes it and shows the expected form.
     */
    public static ExpandedNodeId parseNodeId(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("node id is empty; expected e.g. ns=2;s=Line1/Speed or nsu=urn:x;i=42");
        }
        String t = text.strip();
        boolean shaped = t.matches("((ns=\\d{1,5}|nsu=[^;]+);)?[isgb]=.+");
        Optional<ExpandedNodeId> parsed = shaped ? parse(t) : Optional.empty();
        return parsed.filter(n -> !n.isNull())
                .orElseThrow(
                        () -> new IllegalArgumentException(
                                "node id '" + text
                                        + "' is not a NodeId; expected [ns=<index>;|nsu=<uri>;](i=<number>|s=<text>|g=<guid>|b=<base64>)"));
    }

    private static Optional<ExpandedNodeId> parse(String t) {
        try {
            return Optional.of(ExpandedNodeId.parse(t));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
