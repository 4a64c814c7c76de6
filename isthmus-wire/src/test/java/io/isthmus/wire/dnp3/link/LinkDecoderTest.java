package io.isthmus.wire.dnp3.link;

import static io.isthmus.wire.CaptureStreams.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.dnp3.Dnp3Frames;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** IEEE 1815-2012 clause 9.2: link frame format, CRC per header and per 16-octet block. */
class LinkDecoderTest {
    // dnp3__ITI__cold_restart_and_response.pcap frame 4: master 1 -> outstation 10, cold restart.
    private static final String COLD_RESTART = "05 64 08 c4 0a 00 01 00 | fc 42 | c0 c0 0d | 9c 86";
    // dnp3__ITI__direct_operate_no_ack_crob.pcap frame 1: 21 user-data octets in two blocks.
    private static final String DIRECT_OPERATE_NR = "05 64 1a c4 04 00 03 00 | c2 e6"
            + "| d0 ce 06 0c 01 28 01 00 01 00 03 01 64 00 00 00 | e0 96"
            + "| 64 00 00 00 00 | 00 5b";

    @Test
    void aHeaderGivesLengthDirectionPrimaryFunctionAndLittleEndianAddresses() {
        LinkDecoding.Frame f = (LinkDecoding.Frame) LinkDecoder.decode(ByteBuffer.wrap(hex(COLD_RESTART)));
        LinkHeader h = f.frame().header();
        assertThat(h.length()).isEqualTo(8);
        assertThat(h.fromMaster()).isTrue();
        assertThat(h.primary()).isTrue();
        assertThat(h.function()).isEqualTo(LinkFunction.UNCONFIRMED_USER_DATA);
        assertThat(h.destination()).isEqualTo(10);
        assertThat(h.source()).isEqualTo(1);
        assertThat(f.frame().userData()).containsExactly(hex("c0 c0 0d"));
        assertThat(f.consumed()).isEqualTo(15);
    }

    @Test
    void userDataIsCopiedWithoutTheBlockCrcs() {
        ByteBuffer data = ByteBuffer.wrap(hex(DIRECT_OPERATE_NR));
        LinkDecoding.Frame f = (LinkDecoding.Frame) LinkDecoder.decode(data);
        assertThat(f.frame().userData())
                .containsExactly(hex("d0 ce 06 0c 01 28 01 00 01 00 03 01 64 00 00 00 64 00 00 00 00"));
        assertThat(f.consumed()).isEqualTo(data.capacity());
    }

    @Test
    void decodingStartsAtThePositionAndDoesNotMoveIt() {
        byte[] frame = hex(COLD_RESTART);
        ByteBuffer data = ByteBuffer.allocate(frame.length + 3);
        data.put(new byte[3]).put(frame).position(3);
        assertThat(LinkDecoder.decode(data)).isInstanceOf(LinkDecoding.Frame.class);
        assertThat(data.position()).isEqualTo(3);
    }

    @Test
    void everyProperPrefixOfAFrameAsksForTheMissingBytes() {
        byte[] frame = hex(DIRECT_OPERATE_NR);
        for (int n = 0; n < frame.length; n++) {
            LinkDecoding d = LinkDecoder.decode(ByteBuffer.wrap(frame, 0, n).slice());
            assertThat(d).as("prefix of %d bytes", n).isInstanceOf(LinkDecoding.NeedMore.class);
            assertThat(((LinkDecoding.NeedMore) d).bytes())
                    .as("prefix of %d bytes", n)
                    .isBetween(1, frame.length - n);
        }
    }

    @Test
    void aHeaderCrcMismatchIsRejectedBeforeTheLengthIsBelieved() {
        // dnp3__ITI__DNP3-ReadRequest.pcap frame 8: outstation reply with length 0 and CRC 00 00.
        LinkDecoding d = LinkDecoder.decode(ByteBuffer.wrap(hex("05 64 00 0b 04 00 03 00 | 00 00")));
        assertThat(d).isInstanceOf(LinkDecoding.Invalid.class);
        LinkDecoding.Invalid i = (LinkDecoding.Invalid) d;
        assertThat(i.error()).isEqualTo(LinkError.HEADER_CRC);
        assertThat(i.skip()).isEqualTo(2);
    }

    @Test
    void aLengthBelowFiveWithAGoodCrcIsRejectedAndItsHeaderSkipped() {
        // dnp3__ITI__DNP3-Malformed.pcap frame 1 starts with length 2 and a correct header CRC.
        LinkDecoding.Invalid i =
                (LinkDecoding.Invalid) LinkDecoder.decode(ByteBuffer.wrap(hex("05 64 02 c4 0a 00 01 00 | 97 fe")));
        assertThat(i.error()).isEqualTo(LinkError.LENGTH_INVALID);
        assertThat(i.detail()).contains("length 2");
        assertThat(i.skip()).isEqualTo(10);
    }

    @Test
    void aDataBlockCrcMismatchDiscardsTheWholeFrame() {
        byte[] frame = hex(DIRECT_OPERATE_NR);
        frame[20] ^= 0x01; // a user-data octet of the first block
        LinkDecoding.Invalid i = (LinkDecoding.Invalid) LinkDecoder.decode(ByteBuffer.wrap(frame));
        assertThat(i.error()).isEqualTo(LinkError.DATA_CRC);
        assertThat(i.offset()).isEqualTo(10);
        assertThat(i.skip()).isEqualTo(frame.length);
    }

    @Test
    void bytesBeforeAStartAreSkippedUpToTheNext0x05x64() {
        byte[] data = hex("00 05 11 64 05 | " + COLD_RESTART);
        LinkDecoding.Invalid i = (LinkDecoding.Invalid) LinkDecoder.decode(ByteBuffer.wrap(data));
        assertThat(i.error()).isEqualTo(LinkError.START_MISSING);
        assertThat(i.skip()).isEqualTo(5);
    }

    @Test
    void aTrailing0x05IsKeptAsAPossibleStart() {
        LinkDecoding.Invalid i = (LinkDecoding.Invalid) LinkDecoder.decode(ByteBuffer.wrap(hex("77 88 05")));
        assertThat(i.skip()).isEqualTo(2);
        assertThat(LinkDecoder.decode(ByteBuffer.wrap(hex("05")))).isInstanceOf(LinkDecoding.NeedMore.class);
    }

    @Test
    void aMaximumFrameOf255LengthOccupies292Octets() {
        assertThat(new LinkHeader(255, 0xC4, 1, 2).frameLength()).isEqualTo(292);
        assertThat(new LinkHeader(5, 0xC9, 1, 2).frameLength()).isEqualTo(10);
        assertThat(new LinkHeader(21, 0xC4, 1, 2).frameLength()).isEqualTo(28);
        assertThat(new LinkHeader(22, 0xC4, 1, 2).frameLength()).isEqualTo(31);
    }

    @Test
    void aHeaderIsRecognisedOnlyWithStartOctetsGoodCrcAndLegalLength() {
        assertThat(LinkDecoder.isHeader(ByteBuffer.wrap(hex(COLD_RESTART)))).isTrue();
        assertThat(LinkDecoder.isHeader(ByteBuffer.wrap(hex("05 64 00 0b 04 00 03 00 00 00"))))
                .isFalse();
        assertThat(LinkDecoder.isHeader(ByteBuffer.wrap(hex("05 64 02 c4 0a 00 01 00 97 fe"))))
                .isFalse();
        assertThat(LinkDecoder.isHeader(ByteBuffer.wrap(hex("05 64 08 c4 0a")))).isFalse();
    }

    @Test
    void linkFunctionsAreKeyedByPrimaryBitAndCode() {
        assertThat(LinkFunction.of(true, 0)).isEqualTo(LinkFunction.RESET_LINK_STATES);
        assertThat(LinkFunction.of(false, 0)).isEqualTo(LinkFunction.ACK);
        assertThat(LinkFunction.of(true, 9)).isEqualTo(LinkFunction.REQUEST_LINK_STATUS);
        assertThat(LinkFunction.of(false, 11)).isEqualTo(LinkFunction.LINK_STATUS);
        assertThat(LinkFunction.of(true, 11)).isEqualTo(LinkFunction.UNKNOWN);
        assertThat(LinkFunction.of(true, 3).carriesUserData()).isTrue();
        assertThat(LinkFunction.of(false, 3).carriesUserData()).isFalse();
    }

    /**
     * The in-place path the dissector takes ({@code goodFrameLength}, {@code header}, {@code
     * userData}) says what {@code decode} says: a length exactly when decode gives a frame, its
     * header and its user data from any offset; over every user-data length, good frames, frames
     * with one octet changed (CRCs, length, start octets) and every prefix, at a position inside a
     * larger buffer.
     */
    @Test
    void theInPlaceReadsAgreeWithDecodeOnGoodDamagedAndCutFrames() {
        SplittableRandom random = new SplittableRandom(1815);
        int frames = 0;
        for (int round = 0; round < 6_000; round++) {
            byte[] userData = new byte[random.nextInt(251)];
            random.nextBytes(userData);
            byte[] frame =
                    Dnp3Frames.frame(random.nextInt(256), random.nextInt(65536), random.nextInt(65536), userData);
            int mode = random.nextInt(4);
            if (mode == 1) {
                frame[random.nextInt(frame.length)] ^= (byte) (1 + random.nextInt(255));
            } else if (mode == 2) {
                frame = Arrays.copyOf(frame, random.nextInt(frame.length));
            }
            int lead = random.nextInt(4);
            byte[] held = new byte[lead + frame.length + random.nextInt(4)];
            System.arraycopy(frame, 0, held, lead, frame.length);
            ByteBuffer data =
                    ByteBuffer.wrap(held, lead, frame.length + (mode == 3 ? held.length - lead - frame.length : 0));
            LinkDecoding decoded = LinkDecoder.decode(data);
            int length = LinkDecoder.goodFrameLength(data);
            assertThat(data.position()).isEqualTo(lead);
            if (decoded instanceof LinkDecoding.Frame f) {
                frames++;
                assertThat(length).as("round %d", round).isEqualTo(f.consumed());
                assertThat(LinkDecoder.header(data)).isEqualTo(f.frame().header());
                LinkHeader h = f.frame().header();
                assertThat(new LinkHeader(
                                LinkDecoder.userDataLength(data) + LinkHeader.MIN_LENGTH,
                                LinkDecoder.control(data),
                                LinkDecoder.destination(data),
                                LinkDecoder.source(data)))
                        .isEqualTo(h);
                assertThat(LinkHeader.function(h.control())).isEqualTo(h.function());
                assertThat(LinkHeader.fromMaster(h.control())).isEqualTo(h.fromMaster());
                byte[] all = f.frame().userData();
                for (int from = 0; from <= all.length; from += 1 + random.nextInt(17)) {
                    assertThat(LinkDecoder.userData(data, from)).isEqualTo(Arrays.copyOfRange(all, from, all.length));
                }
            } else {
                assertThat(length).as("round %d: %s", round, decoded).isZero();
            }
        }
        assertThat(frames).as("good frames among the rounds").isGreaterThan(2_000);
    }
}
