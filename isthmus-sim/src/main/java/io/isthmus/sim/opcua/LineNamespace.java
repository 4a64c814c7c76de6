package io.isthmus.sim.opcua;

import io.isthmus.model.Isa95Level;
import io.isthmus.sim.process.PointSpec;
import io.isthmus.sim.process.ProcessImage;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.model.variables.BaseAnalogType;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;

/**
 * The line's points as an ISA-95 browse tree under Objects: a folder per level from enterprise
 * down to equipment, a variable per point. Node ids are strings equal to the path ({@code
 * acme/springfield/packaging/line1/filling/filler/speed}); a folder's id is the path down to it.
 *
 * <p>Values are not stored in the nodes ({@link PointValueFilter}), so nothing pushes changes:
 * subscriptions work by sampling. Milo's {@link SubscriptionModel} reads each monitored item at its
 * sampling interval through the same filter and hands the value to the item, which reports it
 * when it differs from the last one (OPC UA Part 4, 5.12.1.2 sampling).
 */
final class LineNamespace extends ManagedNamespaceWithLifecycle {

    static final String URI = "urn:isthmus:virtual-factory";

    private final SubscriptionModel sampler;

    LineNamespace(OpcUaServer server, ProcessImage image, Duration minimumSamplingInterval) {
        super(server, URI);
        List<PointSpec> points = List.copyOf(image.points());
        requireUniquePaths(points);
        double minimumMillis = minimumSamplingInterval.toNanos() / 1e6;
        getLifecycleManager().addStartupTask(() -> addNodes(points, image, minimumMillis));
        sampler = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(sampler);
    }

    @Override
    public void onDataItemsCreated(List<DataItem> dataItems) {
        sampler.onDataItemsCreated(dataItems);
    }

    @Override
    public void onDataItemsModified(List<DataItem> dataItems) {
        sampler.onDataItemsModified(dataItems);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> dataItems) {
        sampler.onDataItemsDeleted(dataItems);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
        sampler.onMonitoringModeChanged(monitoredItems);
    }

    private void addNodes(List<PointSpec> points, ProcessImage image, double minimumSamplingMillis) {
        Map<String, UaFolderNode> folders = new HashMap<>();
        for (PointSpec point : points) {
            List<String> segments = point.path().segments();
            UaFolderNode parent = null;
            for (int depth = 1; depth < segments.size(); depth++) {
                String id = String.join("/", segments.subList(0, depth));
                UaFolderNode above = parent;
                int level = depth - 1;
                parent = folders.computeIfAbsent(id, key -> addFolder(key, segments.get(level), level, above));
            }
            parent.addOrganizes(addVariable(point, image, minimumSamplingMillis));
        }
    }

    private UaFolderNode addFolder(String id, String segment, int level, UaFolderNode parent) {
        UaFolderNode folder = new UaFolderNode(
                getNodeContext(), newNodeId(id), newQualifiedName(segment), LocalizedText.english(segment));
        folder.setDescription(LocalizedText.english("ISA-95 " + Isa95Level.values()[level].label()));
        getNodeManager().addNode(folder);
        if (parent == null) {
            folder.addReference(new Reference(
                    folder.getNodeId(),
                    NodeIds.Organizes,
                    NodeIds.ObjectsFolder.expanded(),
                    Reference.Direction.INVERSE));
        } else {
            parent.addOrganizes(folder);
        }
        return folder;
    }

    private UaNode addVariable(PointSpec point, ProcessImage image, double minimumSamplingMillis) {
        Set<AccessLevel> access = point.writable() ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY;
        String name = point.path().point();
        UaVariableNode variable = UaVariableNode.build(
                getNodeContext(),
                builder -> builder.setNodeId(newNodeId(point.path().toString()))
                        .setBrowseName(newQualifiedName(name))
                        .setDisplayName(LocalizedText.english(name))
                        .setDescription(
                                point.description().isEmpty()
                                        ? LocalizedText.NULL_VALUE
                                        : LocalizedText.english(point.description()))
                        .setDataType(PointValues.dataType(point.type()))
                        .setAccessLevel(access)
                        .setUserAccessLevel(access)
                        .setMinimumSamplingInterval(minimumSamplingMillis)
                        .addAttributeFilter(new PointValueFilter(point, image))
                        .build());
        getNodeManager().addNode(variable);
        if (!point.unit().isEmpty()) {
            variable.setProperty(BaseAnalogType.ENGINEERING_UNITS, EngineeringUnits.forSymbol(point.unit()));
        }
        return variable;
    }

    private static void requireUniquePaths(List<PointSpec> points) {
        Set<String> seen = new HashSet<>();
        for (PointSpec point : points) {
            if (!seen.add(point.path().toString())) {
                throw new IllegalArgumentException("the process image lists " + point.path() + " twice");
            }
        }
    }
}
