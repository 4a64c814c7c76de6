package io.isthmus.connect.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.sdk.client.BrowseHelper;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.OpcUaDataType;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;

/**
 * Walks a server's address space breadth-first from the Objects folder along hierarchical
 * references (OPC UA Part 4, 5.8.2 Browse, following continuation points) and lists its variables
 * with what a tag configuration needs: NodeId, browse path, data type, access level, engineering
 * unit. Bounded by {@link BrowseLimits}; a node reached twice is visited once, so a cyclic tree
 * ends. Properties (HasProperty) are metadata, not tags: they are not listed, but an
 * EngineeringUnits property gives its variable's unit.
 */
public final class OpcUaBrowser {
    private static final int MAX_REFERENCES_PER_BROWSE = 1000;
    private static final int READS_PER_REQUEST = 300;
    private static final int ACCESS_CURRENT_READ = 0x01;
    private static final int ACCESS_CURRENT_WRITE = 0x02;

    private OpcUaBrowser() {}

    /**
     * Connects with {@code config} (endpoint, security, PKI, user), walks the address space and
     * disconnects.
     */
    public static OpcUaBrowseResult browse(OpcUaSourceConfig config, BrowseLimits limits)
            throws OpcUaConnectException, InterruptedException {
        Optional<ClientPki> pki = config.security().isNone()
                ? Optional.empty()
                : Optional.of(ClientPki.open(config.pkiDir(), config.applicationUri(), config.clientKeyStore()));
        try {
            OpcUaClient client = OpcUaConnector.connect(config, pki);
            try {
                return browse(client, limits, config.requestTimeout());
            } catch (UaException e) {
                throw new OpcUaConnectException(
                        config.endpoint() + ": browsing failed: " + OpcUaConnector.describe(e), e);
            } finally {
                OpcUaConnector.disconnectQuietly(client, config.requestTimeout());
            }
        } finally {
            pki.ifPresent(ClientPki::close);
        }
    }

    private record Pending(NodeId node, List<String> path, int depth) {}

    private record Found(NodeId node, List<String> path) {}

    /** Walks the address space over an open session. */
    public static OpcUaBrowseResult browse(OpcUaClient client, BrowseLimits limits, Duration timeout)
            throws UaException, InterruptedException {
        var queue = new ArrayDeque<Pending>();
        queue.add(new Pending(NodeIds.ObjectsFolder, List.of(), 0));
        Set<NodeId> seen = new HashSet<>(Set.of(NodeIds.ObjectsFolder));
        List<Found> variables = new ArrayList<>();
        Map<NodeId, NodeId> unitProperties = new HashMap<>();
        int visited = 0;
        boolean truncated = false;
        while (!queue.isEmpty()) {
            if (visited >= limits.maxNodes()) {
                truncated = true;
                break;
            }
            Pending p = queue.poll();
            visited++;
            for (ReferenceDescription r : children(client, p.node(), timeout)) {
                Optional<NodeId> target = r.getNodeId().toNodeId(client.getNamespaceTable());
                if (target.isEmpty()) {
                    continue; // a node on another server
                }
                NodeId child = target.get();
                String name = r.getBrowseName().getName();
                if (NodeIds.HasProperty.equals(r.getReferenceTypeId())) {
                    if ("EngineeringUnits".equals(name) && r.getNodeClass() == NodeClass.Variable) {
                        unitProperties.put(p.node(), child);
                    }
                    continue;
                }
                if ((child.getNamespaceIndex().intValue() == 0 && !limits.includeStandardNodes()) || !seen.add(child)) {
                    continue;
                }
                List<String> path = append(p.path(), name);
                if (r.getNodeClass() == NodeClass.Variable) {
                    variables.add(new Found(child, path));
                }
                if (p.depth() + 1 < limits.maxDepth()) {
                    queue.add(new Pending(child, path, p.depth() + 1));
                } else {
                    truncated = true;
                }
            }
        }
        return new OpcUaBrowseResult(describe(client, variables, unitProperties, timeout), visited, truncated);
    }

    private static List<ReferenceDescription> children(OpcUaClient client, NodeId node, Duration timeout)
            throws UaException, InterruptedException {
        var description = new BrowseDescription(
                node,
                BrowseDirection.Forward,
                NodeIds.HierarchicalReferences,
                true,
                uint(NodeClass.Object.getValue() | NodeClass.Variable.getValue()),
                uint(BrowseResultMask.All.getValue()));
        try {
            return BrowseHelper.browse(client, description, uint(MAX_REFERENCES_PER_BROWSE))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new UaException(e.getCause());
        } catch (TimeoutException e) {
            throw new UaException(StatusCodes.Bad_Timeout, "browsing " + node);
        }
    }

    private static List<BrowsedVariable> describe(
            OpcUaClient client, List<Found> variables, Map<NodeId, NodeId> unitProperties, Duration timeout)
            throws UaException {
        List<ReadValueId> reads = new ArrayList<>();
        for (Found f : variables) {
            reads.add(read(f.node(), AttributeId.DataType));
            reads.add(read(f.node(), AttributeId.AccessLevel));
            reads.add(read(f.node(), AttributeId.Description));
            reads.add(read(unitProperties.getOrDefault(f.node(), NodeId.NULL_VALUE), AttributeId.Value));
        }
        List<DataValue> values = readAll(client, reads);
        List<BrowsedVariable> out = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            Found f = variables.get(i);
            int access = values.get(4 * i + 1).value().value() instanceof UByte b ? b.intValue() : 0;
            out.add(new BrowsedVariable(
                    f.node().toParseableString(),
                    client.getNamespaceTable().get(f.node().getNamespaceIndex()) == null
                            ? ""
                            : client.getNamespaceTable().get(f.node().getNamespaceIndex()),
                    f.path(),
                    dataTypeName(values.get(4 * i)),
                    (access & ACCESS_CURRENT_READ) != 0,
                    (access & ACCESS_CURRENT_WRITE) != 0,
                    unit(client, values.get(4 * i + 3)),
                    values.get(4 * i + 2).value().value() instanceof LocalizedText t && t.text() != null
                            ? t.text()
                            : ""));
        }
        return out;
    }

    private static List<DataValue> readAll(OpcUaClient client, List<ReadValueId> reads) throws UaException {
        List<DataValue> values = new ArrayList<>(reads.size());
        for (int from = 0; from < reads.size(); from += READS_PER_REQUEST) {
            List<ReadValueId> chunk = reads.subList(from, Math.min(reads.size(), from + READS_PER_REQUEST));
            DataValue[] results =
                    client.read(0, TimestampsToReturn.Neither, chunk).getResults();
            if (results == null || results.length != chunk.size()) {
                throw new UaException(
                        StatusCodes.Bad_UnexpectedError,
                        "the server answered a read of " + chunk.size() + " attributes with "
                                + (results == null ? 0 : results.length));
            }
            values.addAll(List.of(results));
        }
        return values;
    }

    private static ReadValueId read(NodeId node, AttributeId attribute) {
        return new ReadValueId(node, attribute.uid(), null, QualifiedName.NULL_VALUE);
    }

    private static String dataTypeName(DataValue value) {
        if (!(value.value().value() instanceof NodeId type)) {
            return "unknown";
        }
        OpcUaDataType builtin = OpcUaDataType.fromNodeId(type);
        return builtin != null ? builtin.name() : type.toParseableString();
    }

    private static String unit(OpcUaClient client, DataValue value) {
        if (value.statusCode() != null && !value.statusCode().isGood()) {
            return "";
        }
        if (value.value().value() instanceof ExtensionObject encoded) {
            try {
                if (encoded.decode(client.getStaticEncodingContext()) instanceof EUInformation eu
                        && eu.getDisplayName() != null
                        && eu.getDisplayName().text() != null) {
                    return eu.getDisplayName().text();
                }
            } catch (RuntimeException e) {
                return ""; // a malformed property costs the unit, not the browse
            }
        }
        return "";
    }

    private static List<String> append(List<String> path, String name) {
        List<String> next = new ArrayList<>(path.size() + 1);
        next.addAll(path);
        next.add(name);
        return List.copyOf(next);
    }
}
