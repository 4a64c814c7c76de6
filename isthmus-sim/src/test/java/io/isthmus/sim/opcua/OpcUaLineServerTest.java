package io.isthmus.sim.opcua;

import static io.isthmus.sim.opcua.TickingProcessImage.BOTTLES;
import static io.isthmus.sim.opcua.TickingProcessImage.RUNNING;
import static io.isthmus.sim.opcua.TickingProcessImage.SPEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server on loopback and a real Milo client: browse, read, subscribe, write. */
class OpcUaLineServerTest {

    @TempDir
    static Path pki;

    static TickingProcessImage image;
    static OpcUaLineServer server;
    static OpcUaClient client;

    @BeforeAll
    static void startServerAndConnect() throws Exception {
        image = new TickingProcessImage();
        server = OpcUaLineServer.start(settings(freePort(), pki), image);
        client = OpcUaClient.create(server.endpointUrl());
        client.connect();
    }

    @AfterAll
    static void disconnectAndStop() throws Exception {
        if (client != null) {
            client.disconnect();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void the_endpoint_url_names_loopback_the_port_and_the_path() {
        assertThat(server.endpointUrl())
                .isEqualTo("opc.tcp://127.0.0.1:" + server.settings().port() + "/isthmus");
    }

    @Test
    void browsing_from_objects_walks_one_folder_per_isa95_level_down_to_the_points() throws UaException {
        NodeId node = NodeIds.ObjectsFolder;
        for (String segment : List.of("acme", "springfield", "packaging", "line1", "filling", "filler")) {
            ReferenceDescription folder = browse(node).stream()
                    .filter(r -> r.getBrowseName().getName().equals(segment))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no folder " + segment));
            assertThat(folder.getNodeClass()).isEqualTo(NodeClass.Object);
            assertThat(folder.getDisplayName().getText()).isEqualTo(segment);
            assertThat(folder.getTypeDefinition().toNodeId(client.getNamespaceTable()))
                    .contains(NodeIds.FolderType);
            node = folder.getNodeId().toNodeId(client.getNamespaceTable()).orElseThrow();
        }

        List<ReferenceDescription> points = browse(node);
        assertThat(points).allSatisfy(r -> assertThat(r.getNodeClass()).isEqualTo(NodeClass.Variable));
        assertThat(points.stream().map(r -> r.getBrowseName().getName()))
                .containsExactlyInAnyOrder("speed", "running", "bottles_filled");
        assertThat(points.stream()
                        .map(r -> r.getNodeId()
                                .toNodeId(client.getNamespaceTable())
                                .orElseThrow()))
                .containsExactlyInAnyOrder(nodeId(SPEED), nodeId(RUNNING), nodeId(BOTTLES));
    }

    @Test
    void folders_sit_in_the_virtual_factory_namespace_with_the_path_as_string_id() throws UaException {
        assertThat(client.getNamespaceTable().get(server.namespaceIndex())).isEqualTo("urn:isthmus:virtual-factory");
        ReferenceDescription enterprise = browse(NodeIds.ObjectsFolder).stream()
                .filter(r -> r.getBrowseName().getName().equals("acme"))
                .findFirst()
                .orElseThrow();
        assertThat(enterprise.getNodeId().toNodeId(client.getNamespaceTable()))
                .contains(new NodeId(server.namespaceIndex(), "acme"));
        assertThat(enterprise.getBrowseName().getNamespaceIndex().intValue()).isEqualTo(server.namespaceIndex());
    }

    @Test
    void reading_a_point_returns_the_live_value_with_its_data_type_and_fresh_timestamps() throws UaException {
        Instant before = Instant.now().minusSeconds(1);

        DataValue speed = client.readValue(0, TimestampsToReturn.Both, nodeId(SPEED));

        assertThat(speed.statusCode()).isEqualTo(StatusCode.GOOD);
        assertThat(speed.value().value()).isInstanceOf(Double.class);
        assertThat((Double) speed.value().value()).isGreaterThanOrEqualTo(100.0);
        assertThat(speed.sourceTime().getJavaInstant()).isAfter(before);
        assertThat(speed.serverTime().getJavaInstant()).isAfter(before);
        assertThat(client.readValue(0, TimestampsToReturn.Both, nodeId(BOTTLES))
                        .value()
                        .value())
                .isEqualTo(1_000L);
        assertThat(attribute(SPEED, AttributeId.DataType)).isEqualTo(NodeIds.Double);
        assertThat(attribute(RUNNING, AttributeId.DataType)).isEqualTo(NodeIds.Boolean);
        assertThat(attribute(BOTTLES, AttributeId.DataType)).isEqualTo(NodeIds.Int64);
    }

    @Test
    void access_level_marks_only_writable_points_as_writable() throws UaException {
        int currentRead = 1;
        int currentReadWrite = 3;
        assertThat(((Number) attribute(SPEED, AttributeId.AccessLevel)).intValue())
                .isEqualTo(currentRead);
        assertThat(((Number) attribute(RUNNING, AttributeId.AccessLevel)).intValue())
                .isEqualTo(currentReadWrite);
        assertThat(((Number) attribute(RUNNING, AttributeId.UserAccessLevel)).intValue())
                .isEqualTo(currentReadWrite);
    }

    @Test
    void description_and_engineering_units_come_from_the_point_spec() throws UaException {
        assertThat(attribute(SPEED, AttributeId.Description).toString()).contains("Filler carousel speed");

        ReferenceDescription unitsProperty = client.browse(new BrowseDescription(
                        nodeId(SPEED),
                        BrowseDirection.Forward,
                        NodeIds.HasProperty,
                        true,
                        uint(0),
                        uint(BrowseResultMask.All.getValue())))
                .getReferences()[0];
        assertThat(unitsProperty.getBrowseName()).isEqualTo(new QualifiedName(0, "EngineeringUnits"));
        Object encoded = client.readValue(
                        0,
                        TimestampsToReturn.Neither,
                        unitsProperty
                                .getNodeId()
                                .toNodeId(client.getNamespaceTable())
                                .orElseThrow())
                .value()
                .value();
        EUInformation units = (EUInformation) ((ExtensionObject) encoded).decode(client.getStaticEncodingContext());
        assertThat(units.getDisplayName().getText()).isEqualTo("r/min");
        assertThat(units.getUnitId()).isPositive();
    }

    @Test
    void a_subscription_delivers_the_changing_speed_at_the_sampling_interval() throws Exception {
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        OpcUaSubscription subscription = new OpcUaSubscription(client, 100.0);
        subscription.create();
        try {
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(nodeId(SPEED));
            item.setSamplingInterval(50.0);
            item.setDataValueListener((i, value) -> received.add(value.value().value()));
            subscription.addMonitoredItem(item);
            subscription.synchronizeMonitoredItems();
            assertThat(item.getCreateResult()).contains(StatusCode.GOOD);

            Set<Object> distinct = new LinkedHashSet<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (distinct.size() < 3 && System.nanoTime() < deadline) {
                Object value = received.poll(100, TimeUnit.MILLISECONDS);
                if (value != null) {
                    distinct.add(value);
                }
            }
            assertThat(distinct)
                    .hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(v -> assertThat(v).isInstanceOf(Double.class));
        } finally {
            subscription.delete();
        }
    }

    @Test
    void a_sampling_interval_below_the_minimum_is_revised_up_to_it() throws Exception {
        OpcUaSubscription subscription = new OpcUaSubscription(client, 100.0);
        subscription.create();
        try {
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(nodeId(BOTTLES));
            item.setSamplingInterval(0.0);
            subscription.addMonitoredItem(item);
            subscription.synchronizeMonitoredItems();

            assertThat(item.getRevisedSamplingInterval()).contains(50.0);
        } finally {
            subscription.delete();
        }
    }

    @Test
    void writing_the_run_command_hands_the_value_to_the_process_image() throws UaException {
        StatusCode status = write(RUNNING, Variant.ofBoolean(true));

        assertThat(status).isEqualTo(StatusCode.GOOD);
        assertThat(image.writes()).contains(new TickingProcessImage.Write(RUNNING, Value.of(true)));
        assertThat(client.readValue(0, TimestampsToReturn.Neither, nodeId(RUNNING))
                        .value()
                        .value())
                .isEqualTo(true);
    }

    @Test
    void writing_a_read_only_point_is_refused_before_it_reaches_the_process_image() throws UaException {
        int writesBefore = image.writes().size();

        StatusCode status = write(SPEED, Variant.ofDouble(42.0));

        // Milo's access controller checks UserAccessLevel (no CurrentWrite) before AccessLevel, so
        // the refusal is Bad_UserAccessDenied rather than Bad_NotWritable.
        assertThat(status.getValue()).isEqualTo(StatusCodes.Bad_UserAccessDenied);
        assertThat(image.writes()).hasSize(writesBefore);
    }

    @Test
    void writing_a_value_of_the_wrong_type_is_a_type_mismatch() throws UaException {
        int writesBefore = image.writes().size();

        StatusCode status = write(RUNNING, Variant.ofInt32(1));

        assertThat(status.getValue()).isEqualTo(StatusCodes.Bad_TypeMismatch);
        assertThat(image.writes()).hasSize(writesBefore);
    }

    static OpcUaServerSettings settings(int port, Path pkiDir) {
        return OpcUaServerSettings.create(b -> b.port(port).pkiDir(pkiDir));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static NodeId nodeId(TagPath path) {
        return new NodeId(server.namespaceIndex(), path.toString());
    }

    private static List<ReferenceDescription> browse(NodeId node) throws UaException {
        ReferenceDescription[] references = client.browse(new BrowseDescription(
                        node,
                        BrowseDirection.Forward,
                        NodeIds.HierarchicalReferences,
                        true,
                        uint(0),
                        uint(BrowseResultMask.All.getValue())))
                .getReferences();
        return references == null ? List.of() : Arrays.asList(references);
    }

    private static Object attribute(TagPath path, AttributeId attribute) throws UaException {
        DataValue[] results = client.read(
                        0,
                        TimestampsToReturn.Neither,
                        List.of(new ReadValueId(nodeId(path), attribute.uid(), null, QualifiedName.NULL_VALUE)))
                .getResults();
        return results[0].value().value();
    }

    private static StatusCode write(TagPath path, Variant value) throws UaException {
        return client.writeValues(List.of(nodeId(path)), List.of(DataValue.valueOnly(value)))
                .get(0);
    }
}
