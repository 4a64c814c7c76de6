package io.isthmus.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.DissectorFeed.View;
import io.isthmus.wire.bacnet.BacnetDissectorFactory;
import io.isthmus.wire.dnp3.Dnp3DissectorFactory;
import io.isthmus.wire.enip.EnipDissectorFactory;
import io.isthmus.wire.modbus.ModbusDissectorFactory;
import io.isthmus.wire.s7.S7commDissectorFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dissectors that read their input's backing array in place ({@link Octets}: EtherNet/IP and
 * CIP, Modbus/TCP, TPKT/COTP/S7comm, the DNP3 link layer) decode the same however the octets are
 * handed to them: a heap buffer over an array exactly the octets' size (where a read past the
 * limit runs off the array and throws, as a buffer read did), a heap buffer with junk after the
 * limit (what the capture reader hands in: a read past the limit would see the junk and decode
 * differently), a read-only and a direct buffer (copied first). Fed whole, octet by octet and in
 * 7-octet segments, so every message also ends at a segment's last octet.
 *
 * <p>Inputs: the tshark payload streams of the shared captures and every seed of the dissectors'
 * Jazzer corpora (hostile inputs included).
 */
class DissectorBufferViewsTest {

    record Input(String name, DissectorFactory factory, List<byte[]> chunks, Direction hint) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> inputs() {
        List<Input> all = new ArrayList<>();
        captures(
                all,
                new EnipDissectorFactory(),
                44818,
                "enip__ITI__cip-multiple-1.pcap",
                "enip__ITI__enip_test.pcap",
                "enip__ITI__EIP-SoftwareUpload.pcap",
                "enip__ITI__cip_stop_plc.pcap");
        captures(
                all,
                new S7commDissectorFactory(),
                102,
                "s7comm__ITI__snap7_s300_everything.pcapng",
                "s7comm__ITI__s7comm_varservice_libnodavedemo.pcap",
                "s7comm__ITI__step7_s300_download.pcapng");
        seeds(all, new EnipDissectorFactory(), "enip/EnipFuzzTestInputs/dissectorStream");
        seeds(all, new ModbusDissectorFactory(), "modbus/ModbusDissectorFuzzTestInputs/stream");
        seeds(all, new ModbusDissectorFactory(), "modbus/ModbusFuzzTestInputs/mbapFrame");
        seeds(all, new Dnp3DissectorFactory(), "dnp3/Dnp3FuzzTestInputs/dissectorStream");
        seeds(all, new Dnp3DissectorFactory(), "dnp3/Dnp3FuzzTestInputs/linkDecoder");
        for (String capture : dnp3Streams()) {
            for (CaptureStreams.FlowDirection flow : CaptureStreams.load("/io/isthmus/wire/dnp3/streams/" + capture)) {
                List<byte[]> chunks = flow.segments().stream()
                        .map(CaptureStreams.Segment::payload)
                        .toList();
                all.add(new Input(
                        capture + " " + flow.stream(), new Dnp3DissectorFactory(), chunks, Direction.REQUEST));
            }
        }
        return all.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void everyBufferKindGivesTheSameMessagesAnomaliesAndPendingOctets(Input input) {
        for (List<byte[]> chunks : segmentations(input.chunks())) {
            DissectorFeed.Outcome exact = feed(input, chunks, View.EXACT_ARRAY);
            for (View view : new View[] {View.ARRAY_WITH_JUNK_AFTER, View.READ_ONLY, View.DIRECT}) {
                DissectorFeed.Outcome other = feed(input, chunks, view);
                assertThat(other.messages()).as("%s, %s", input, view).isEqualTo(exact.messages());
                assertThat(other.malformed()).as("%s, %s", input, view).isEqualTo(exact.malformed());
                assertThat(other.pending()).as("%s, %s", input, view).isEqualTo(exact.pending());
            }
        }
    }

    /**
     * The BACnet/IP dissector (its {@code OctetReader} reads the array) on every datagram of the
     * shared BACnet captures and every seed of its Jazzer corpus, one datagram per call as the
     * session layer hands UDP payloads in: the same summaries and malformed results for every
     * buffer kind.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("datagrams")
    void everyBufferKindGivesTheSameBacnetSummaries(String name, List<byte[]> datagrams) {
        for (byte[] datagram : datagrams) {
            for (Direction hint : Direction.values()) {
                DissectorFeed.Outcome exact = feedDatagram(datagram, hint, View.EXACT_ARRAY);
                for (View view : new View[] {View.ARRAY_WITH_JUNK_AFTER, View.READ_ONLY, View.DIRECT}) {
                    DissectorFeed.Outcome other = feedDatagram(datagram, hint, view);
                    String what = name + " " + HexFormat.of().formatHex(datagram) + ", " + view;
                    assertThat(other.messages()).as(what).isEqualTo(exact.messages());
                    assertThat(other.malformed()).as(what).isEqualTo(exact.malformed());
                    assertThat(other.pending()).as(what).isZero();
                }
            }
        }
    }

    static Stream<Arguments> datagrams() {
        List<Arguments> all = new ArrayList<>();
        List<byte[]> whole = new ArrayList<>(); // the seeds and the three small captures' datagrams
        for (String capture : List.of(
                "bacnet__ITI__bacnet_test",
                "bacnet__cisagov-bacnet__bacnet_error_reject_abort",
                "bacnet__cisagov-bacnet__bacnet_example",
                "bacnet__cisagov-bacnet__bacnet_segmented_data",
                "bacnet__cisagov-bacnet__bacnet_services")) {
            List<byte[]> datagrams = new ArrayList<>();
            for (String line : gunzip("/io/isthmus/wire/bacnet/datagrams/" + capture + ".hex.gz")
                    .split("\n")) {
                datagrams.add(HexFormat.of().parseHex(line.split("\t")[1]));
            }
            all.add(Arguments.of(capture, datagrams));
            if (datagrams.size() < 100) {
                whole.addAll(datagrams);
            }
        }
        List<byte[]> seeds =
                files("/io/isthmus/wire/bacnet/BacnetDissectorFuzzTestInputs/dissectorConsumesExactlyTheDatagram")
                        .stream()
                        .map(DissectorBufferViewsTest::read)
                        .toList();
        all.add(Arguments.of("BacnetDissectorFuzzTestInputs", seeds));
        // every prefix of the seeds and of the small captures' datagrams: fields cut off at the
        // datagram's end, where a read past the window would see junk through one view only
        whole.addAll(seeds);
        List<byte[]> prefixes = new ArrayList<>();
        for (byte[] datagram : whole) {
            for (int length = 0; length < datagram.length; length++) {
                prefixes.add(Arrays.copyOf(datagram, length));
            }
        }
        all.add(Arguments.of("every prefix of the seeds and of three captures' datagrams", prefixes));
        return all.stream();
    }

    private static DissectorFeed.Outcome feedDatagram(byte[] datagram, Direction hint, View view) {
        return DissectorFeed.feed(new BacnetDissectorFactory().newDissector(), List.of(datagram), hint, 1 << 20, view);
    }

    private static String gunzip(String resource) {
        try (InputStream in = new GZIPInputStream(DissectorBufferViewsTest.class.getResourceAsStream(resource))) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DissectorFeed.Outcome feed(Input input, List<byte[]> chunks, View view) {
        return DissectorFeed.feed(input.factory().newDissector(), chunks, input.hint(), 1 << 20, view);
    }

    /** As captured, whole, and cut into 1- and 7-octet segments. */
    private static List<List<byte[]>> segmentations(List<byte[]> chunks) {
        byte[] whole = chunks.stream().reduce(new byte[0], DissectorBufferViewsTest::concat);
        List<List<byte[]>> out = new ArrayList<>();
        out.add(chunks);
        out.add(List.of(whole));
        if (whole.length <= 4096) { // octet by octet costs a copy of the stream per octet
            out.add(cut(whole, 1));
        }
        out.add(cut(whole, 7));
        return out;
    }

    private static List<byte[]> cut(byte[] whole, int size) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < whole.length; i += size) {
            out.add(Arrays.copyOfRange(whole, i, Math.min(whole.length, i + size)));
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static void captures(List<Input> all, DissectorFactory factory, int port, String... captures) {
        for (String capture : captures) {
            for (TsharkPayloadStreams.FlowDirection flow : TsharkPayloadStreams.load(capture)) {
                if (flow.datagrams() || (flow.sourcePort() != port && flow.destinationPort() != port)) {
                    continue;
                }
                all.add(new Input(
                        capture + " " + flow.sourcePort() + ">" + flow.destinationPort(),
                        factory,
                        flow.payloads(),
                        flow.hint(port)));
            }
        }
    }

    private static void seeds(List<Input> all, DissectorFactory factory, String folder) {
        for (Path seed : files("/io/isthmus/wire/" + folder)) {
            byte[] bytes = read(seed);
            for (Direction hint : Direction.values()) {
                all.add(new Input(folder + "/" + seed.getFileName() + " " + hint, factory, List.of(bytes), hint));
            }
        }
    }

    private static List<String> dnp3Streams() {
        return files("/io/isthmus/wire/dnp3/streams").stream()
                .map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".tsv"))
                .toList();
    }

    private static List<Path> files(String resource) {
        try (Stream<Path> list = Files.list(
                Path.of(DissectorBufferViewsTest.class.getResource(resource).toURI()))) {
            return list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
