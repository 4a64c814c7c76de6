package io.isthmus.sim.sparkplug;

import io.isthmus.model.TagPath;
import io.isthmus.sim.process.PointSpec;
import io.isthmus.sim.process.ProcessImage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The virtual line as Sparkplug B edge nodes: one edge node per ISA-95 work cell, one device per
 * machine, one metric per point. So a host that maps {@code <line prefix>/<edge node>/<device>/
 * <metric>} to tag paths gets exactly the line's own paths. A publisher thread sends the changes
 * every {@code period}.
 */
public final class SparkplugLine implements AutoCloseable {
    private final List<SparkplugEdgeNode> nodes = new ArrayList<>();
    private final Duration period;
    private Thread publisher;
    private volatile boolean running;

    public SparkplugLine(String brokerHost, int brokerPort, String group, ProcessImage image, Duration period) {
        this.period = period;
        Map<String, Map<String, List<PointSpec>>> byCell = new LinkedHashMap<>();
        for (PointSpec p : image.points()) {
            TagPath path = p.path();
            byCell.computeIfAbsent(path.cell(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(path.equipment(), e -> new ArrayList<>())
                    .add(p);
        }
        byCell.forEach((cell, machines) -> {
            List<SparkplugEdgeNode.Device> devices = new ArrayList<>();
            machines.forEach((id, points) -> devices.add(new SparkplugEdgeNode.Device(id, points)));
            nodes.add(new SparkplugEdgeNode(new EdgeNodeConfig(brokerHost, brokerPort, group, cell), devices, image));
        });
    }

    /** Connects every edge node, publishes the births and starts publishing changes. */
    public void start() throws IOException {
        for (SparkplugEdgeNode n : nodes) {
            n.start();
        }
        running = true;
        publisher = Thread.ofPlatform().daemon().name("sparkplug-line").start(this::publishLoop);
    }

    public List<SparkplugEdgeNode> nodes() {
        return List.copyOf(nodes);
    }

    private void publishLoop() {
        while (running) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            nodes.forEach(SparkplugEdgeNode::publishChanges);
        }
    }

    @Override
    public void close() {
        running = false;
        if (publisher != null) {
            publisher.interrupt();
            try {
                publisher.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        nodes.forEach(SparkplugEdgeNode::close);
    }
}
