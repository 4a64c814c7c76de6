package io.isthmus.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.packet.IpAddress;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cached middle of a line is always the text the fields give written one by one. */
class EndpointTextsTest {
    private static final byte[] MODBUS = JsonLineBuffer.quoted("modbus");
    private static final byte[] ENIP = JsonLineBuffer.quoted("enip");
    private static final byte[] REQUEST = JsonLineBuffer.quoted("request");
    private static final byte[] RESPONSE = JsonLineBuffer.quoted("response");

    @Test
    void anIpv4DirectionWithBothMacsIsEveryFieldInOrderUpToTheFunctionName() {
        var texts = new EndpointTexts();
        IpAddress src = IpAddress.ofIpv4(0x0A00_0003);
        IpAddress dst = IpAddress.ofIpv4(0x0A00_0039);
        byte[] text = texts.text(
                src.high(),
                src.low(),
                dst.high(),
                dst.low(),
                502,
                2578,
                0x0002_B3CE_7051L,
                0x0020_7800_620DL,
                1,
                MODBUS,
                RESPONSE);
        assertThat(new String(text, StandardCharsets.US_ASCII))
                .isEqualTo(",\"src\":\"10.0.0.3\",\"dst\":\"10.0.0.57\",\"sport\":502,\"dport\":2578,"
                        + "\"src_mac\":\"00:02:b3:ce:70:51\",\"dst_mac\":\"00:20:78:00:62:0d\","
                        + "\"protocol\":\"modbus\",\"direction\":\"response\",\"function\":");
    }

    @Test
    void missingMacsAreLeftOutAndIpv6IsInItsCanonicalText() {
        var texts = new EndpointTexts();
        byte[] text =
                texts.text(0x2001_0DB8_0000_0000L, 1, 0x2001_0DB8_0000_0000L, 2, 44818, 0, -1, -1, 0, ENIP, REQUEST);
        assertThat(new String(text, StandardCharsets.US_ASCII))
                .isEqualTo(",\"src\":\"2001:db8::1\",\"dst\":\"2001:db8::2\",\"sport\":44818,\"dport\":0,"
                        + "\"protocol\":\"enip\",\"direction\":\"request\",\"function\":");
    }

    @Test
    void theSameEndpointsWithAnotherProtocolOrDirectionGetTheirOwnText() {
        var texts = new EndpointTexts();
        IpAddress a = IpAddress.ofIpv4(0xC0A8_0001);
        IpAddress b = IpAddress.ofIpv4(0xC0A8_0002);
        byte[] request = texts.text(a.high(), a.low(), b.high(), b.low(), 1, 2, -1, -1, 0, MODBUS, REQUEST);
        byte[] response = texts.text(a.high(), a.low(), b.high(), b.low(), 1, 2, -1, -1, 1, MODBUS, RESPONSE);
        byte[] enip = texts.text(a.high(), a.low(), b.high(), b.low(), 1, 2, -1, -1, 2, ENIP, REQUEST);
        assertThat(new String(response, StandardCharsets.US_ASCII)).contains("\"direction\":\"response\"");
        assertThat(new String(request, StandardCharsets.US_ASCII)).contains("\"direction\":\"request\"");
        assertThat(new String(enip, StandardCharsets.US_ASCII)).contains("\"protocol\":\"enip\"");
    }

    /**
     * Four times as many directions as slots, visited in random order, so entries are replaced all
     * the time and directions differing in one field only (a port, a MAC, the address's high half)
     * share a slot now and then: every text must still be the one its own fields give.
     */
    @Test
    void replacedAndCollidingEntriesNeverLendTheirTextToAnotherDirection() {
        var texts = new EndpointTexts();
        var random = new Random(42);
        int directions = EndpointTexts.SLOTS * 4;
        long[][] keys = new long[directions][];
        for (int i = 0; i < directions; i++) {
            long srcHigh = random.nextInt(8) == 0 ? 0x2001_0DB8_0000_0000L : 0;
            long srcLow = srcHigh == 0
                    ? IpAddress.ofIpv4(0x0A00_0000 | random.nextInt(64)).low()
                    : random.nextInt(64);
            long dstLow = IpAddress.ofIpv4(0x0A01_0000 | random.nextInt(64)).low();
            long srcMac = random.nextBoolean() ? -1 : random.nextInt(4);
            long dstMac = random.nextBoolean() ? -1 : random.nextInt(4);
            keys[i] = new long[] {
                srcHigh, srcLow, dstLow, random.nextInt(4), random.nextInt(4), srcMac, dstMac, random.nextInt(2)
            };
        }
        for (int n = 0; n < directions * 4; n++) {
            long[] k = keys[random.nextInt(directions)];
            assertThat(textOf(texts, k)).isEqualTo(fieldByField(k));
        }
    }

    /**
     * Far more addresses than the address text cache has slots (IPv4 and IPv6, so cached texts are
     * replaced all the time) and ports of every length from one digit to five: still each
     * direction's own text.
     */
    @Test
    void manyAddressesAndPortsOfEveryLengthGiveTheirOwnText() {
        var texts = new EndpointTexts();
        var random = new Random(43);
        int[] ports = {0, 7, 10, 42, 99, 100, 502, 999, 1000, 2578, 9999, 10000, 44818, 65535};
        for (int n = 0; n < 200_000; n++) {
            long srcHigh = random.nextInt(4) == 0 ? 0x2001_0DB8_0000_0000L | random.nextInt(16) : 0;
            long srcLow = srcHigh == 0
                    ? IpAddress.ofIpv4(0x0A00_0000 | random.nextInt(4096)).low()
                    : random.nextInt(4096);
            long dstLow = IpAddress.ofIpv4(0xC0A8_0000 | random.nextInt(4096)).low();
            long[] k = {
                srcHigh,
                srcLow,
                dstLow,
                ports[random.nextInt(ports.length)],
                ports[random.nextInt(ports.length)],
                random.nextBoolean() ? -1 : random.nextLong(1L << 48),
                -1,
                random.nextInt(2)
            };
            assertThat(textOf(texts, k)).isEqualTo(fieldByField(k));
        }
    }

    /** The text for key {@code k}: source high, source low, destination low, ports, MACs, kind (0 request). */
    private static String textOf(EndpointTexts texts, long[] k) {
        int kind = (int) k[7];
        byte[] text = texts.text(
                k[0], k[1], 0, k[2], (int) k[3], (int) k[4], k[5], k[6], kind, MODBUS, kind == 0 ? REQUEST : RESPONSE);
        return new String(text, StandardCharsets.US_ASCII);
    }

    private static String fieldByField(long[] k) {
        var s = new StringBuilder();
        s.append(",\"src\":\"").append(new IpAddress(k[0], k[1])).append('"');
        s.append(",\"dst\":\"").append(new IpAddress(0, k[2])).append('"');
        s.append(",\"sport\":").append(k[3]).append(",\"dport\":").append(k[4]);
        if (k[5] >= 0) {
            s.append(",\"src_mac\":\"").append(MacText.format(k[5])).append('"');
        }
        if (k[6] >= 0) {
            s.append(",\"dst_mac\":\"").append(MacText.format(k[6])).append('"');
        }
        s.append(",\"protocol\":\"modbus\",\"direction\":\"").append(k[7] == 0 ? "request" : "response");
        return s.append("\",\"function\":").toString();
    }
}
