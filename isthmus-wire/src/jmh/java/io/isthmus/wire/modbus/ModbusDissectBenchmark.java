package io.isthmus.wire.modbus;

import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.Dissector;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The dissect core alone: Modbus/TCP framing and PDU decoding into summaries over 1 MiB of real
 * frames in memory (requests and responses from modbus__ITI__modbus_test_data_part1.pcap and
 * modbusSmall.pcap, repeated). One operation is one pass over the buffer; MB/s = 1.048576 x ops/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ModbusDissectBenchmark {
    static final int SIZE = 1 << 20;

    private static final String[] REQUESTS = {
        "000100000008010f000000030100", // modbusSmall frame 4, FC 15
        "000100000006010100000003", // modbusSmall frame 14, FC 1
        "0001000000060a0300050002", // test_data_part1 frame 57, FC 3
        "0001000000060a060005000b", // test_data_part1 frame 66, FC 6
        "0001000000060a0500020000", // test_data_part1 frame 60, FC 5
    };
    private static final String[] RESPONSES = {
        "000100000006010f00000003", // modbusSmall frame 6
        "00010000000401010100", // modbusSmall frame 16
        "0001000000070a030400090018", // test_data_part1 frame 58
        "0001000000060a060005000b", // test_data_part1 frame 67
        "0000000000150a111200ff57696e6770617468204c696d69746564", // test_data_part1 frame 41, FC 17
    };

    private ByteBuffer requests;
    private ByteBuffer responses;
    private final Dissector dissector = new ModbusDissectorFactory().newDissector();

    @Setup
    public void setUp() {
        requests = fill(REQUESTS);
        responses = fill(RESPONSES);
    }

    private static ByteBuffer fill(String[] frames) {
        ByteBuffer b = ByteBuffer.allocate(SIZE);
        for (int i = 0; ; i++) {
            byte[] f = HexFormat.of().parseHex(frames[i % frames.length]);
            if (b.remaining() < f.length) {
                break;
            }
            b.put(f);
        }
        return b.flip();
    }

    @Benchmark
    public void requests(Blackhole bh) {
        pass(requests, Direction.REQUEST, bh);
    }

    @Benchmark
    public void responses(Blackhole bh) {
        pass(responses, Direction.RESPONSE, bh);
    }

    private void pass(ByteBuffer data, Direction direction, Blackhole bh) {
        ByteBuffer b = data.duplicate();
        while (b.hasRemaining()) {
            switch (dissector.next(b, direction)) {
                case Dissection.Messages m -> {
                    bh.consume(m.messages());
                    b.position(b.position() + m.consumed());
                }
                case Dissection.NeedMore n -> b.position(b.limit());
                case Dissection.Malformed m -> b.position(b.position() + Math.max(1, m.skip()));
            }
        }
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {ModbusDissectBenchmark.class.getName()});
    }
}
