package io.isthmus.connect.sparkplug;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.isthmus.connect.config.HostPort;
import io.isthmus.connect.poll.ConnectionState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;

/**
 * Samples per second the Sparkplug source consumes from Debian's mosquitto on loopback: {@code
 * nodes} publishers, each an edge node with {@code metrics} Double metrics, publish NDATA with
 * every metric changed, QoS 1 with up to 200 messages in flight each, as fast as the broker takes
 * them; the source maps every metric to a tag (path rule, no explicit tags) and hands each sample
 * to a counting sink. Message timestamps advance one millisecond per message (faster than real
 * time), since per tag a sample not newer than the previous one is dropped. Gaps (messages the
 * broker dropped because the source fell behind: mosquitto queues at most 1,000 per client) are
 * counted, not answered.
 *
 * <p>Not a test: run it with {@code bench/sparkplug-consume [seconds] [nodes] [metrics]}.
 */
public final class SparkplugConsumeBenchmark {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int metrics = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Path dir = Files.createTempDirectory("sparkplug-bench");
        LongAdder samples = new LongAdder();
        try (Mosquitto broker = Mosquitto.start(dir)) {
            var config = SparkplugSourceConfig.create("bench", new HostPort("127.0.0.1", broker.port()), b -> {
                b.group = "bench";
                b.rebirthOnGap = false;
                b.pathRule = Optional.of(new SparkplugPathRule("e/s/a/l"));
            });
            try (var source = SparkplugSource.create(config, List.of(), s -> samples.increment(), s -> {})) {
                source.start();
                while (!(source.state() instanceof ConnectionState.Connected)) {
                    Thread.sleep(10);
                }
                List<Thread> publishers = new ArrayList<>();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 2);
                for (int n = 0; n < nodes; n++) {
                    int node = n;
                    publishers.add(Thread.ofPlatform().start(() -> publish(broker.port(), node, metrics, end)));
                }
                Thread.sleep(2000); // warm-up
                long s0 = samples.sum();
                long m0 = source.stats().messages();
                long t0 = System.nanoTime();
                Thread.sleep(seconds * 1000L);
                double elapsed = (System.nanoTime() - t0) / 1e9;
                long s1 = samples.sum();
                long m1 = source.stats().messages();
                for (Thread t : publishers) {
                    t.join();
                }
                System.out.printf(
                        "%d edge nodes x %d Double metrics, %d s, %d cores: %,.0f samples/s, %,.0f messages/s;"
                                + " anomalies %s%n",
                        nodes,
                        metrics,
                        seconds,
                        Runtime.getRuntime().availableProcessors(),
                        (s1 - s0) / elapsed,
                        (m1 - m0) / elapsed,
                        source.stats().anomalies().entrySet().stream()
                                .filter(e -> e.getValue() > 0)
                                .toList());
            }
        }
    }

    private static void publish(int port, int node, int metrics, long endNanos) {
        Mqtt5AsyncClient c = MqttClient.builder()
                .useMqttVersion5()
                .identifier("bench-node-" + node)
                .serverHost("127.0.0.1")
                .serverPort(port)
                .buildAsync();
        c.connect().join();
        String id = "node" + node;
        Payload.Builder birth = Payloads.payload(System.currentTimeMillis(), 0).addMetrics(Payloads.bdSeq(0));
        for (int m = 0; m < metrics; m++) {
            birth.addMetrics(Payloads.birth("m" + m, m + 1, DataType.Double).setDoubleValue(0));
        }
        c.publishWith()
                .topic("spBv1.0/bench/NBIRTH/" + id)
                .payload(birth.build().toByteArray())
                .qos(MqttQos.AT_LEAST_ONCE)
                .send()
                .join();
        Semaphore inFlight = new Semaphore(200);
        long seq = 1;
        long value = 0;
        long now = System.currentTimeMillis();
        while (System.nanoTime() < endNanos) {
            now++; // one millisecond per message: per tag, source times must increase
            Payload.Builder p = Payloads.payload(now, seq & 0xFF);
            for (int m = 0; m < metrics; m++) {
                p.addMetrics(Payloads.data(m + 1).setTimestamp(now).setDoubleValue(value++));
            }
            seq++;
            inFlight.acquireUninterruptibly();
            c.publishWith()
                    .topic("spBv1.0/bench/NDATA/" + id)
                    .payload(p.build().toByteArray())
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send()
                    .whenComplete((r, e) -> inFlight.release());
        }
        c.disconnect().join();
    }
}
