package io.isthmus.connect.opcua;

import java.util.List;
import java.util.Objects;

/**
 * A variable found by {@link OpcUaBrowser}.
 *
 * @param nodeId its NodeId in the parseable form ({@code ns=2;s=...}), ready for {@link
 *     OpcUaTagConfig#parseNodeId}
 * @param namespaceUri the URI of its namespace, for the index-independent {@code nsu=} form
 * @param browsePath browse names from below Objects down to the variable
 * @param dataType the built-in type name (e.g. {@code Double}, {@code Boolean}) or the DataType's
 *     NodeId when it is not built in
 * @param readable AccessLevel has CurrentRead (Part 3, 8.57)
 * @param writable AccessLevel has CurrentWrite
 * @param unit the display name of its EngineeringUnits property (Part 8, 5.6.3); empty if none
 * @param description its Description attribute; empty if none
 */
public record BrowsedVariable(
        String nodeId,
        String namespaceUri,
        List<String> browsePath,
        String dataType,
        boolean readable,
        boolean writable,
        String unit,
        String description) {
    public BrowsedVariable {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(namespaceUri, "namespaceUri");
        browsePath = List.copyOf(browsePath);
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
    }
}
