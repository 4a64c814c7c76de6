package io.isthmus.wire.modbus;

import static io.isthmus.wire.modbus.SpecExamples.bytes;
import static io.isthmus.wire.modbus.SpecExamples.concat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** MBAP framing (Modbus Messaging on TCP/IP Implementation Guide V1.0b, section 3.1.3). */
class MbapCodecTest {

    private static final byte[] READ_HOLDING_FRAME = bytes(
            0x00, 0x01, // transaction id 1
            0x00, 0x00, // protocol id 0: Modbus
            0x00, 0x06, // length 6: unit id + 5-byte PDU
            0xFF, //       unit id 255: addressed by IP alone
            0x03, //       PDU: read holding registers
            0x00, 0x04, //      starting address 4
            0x00, 0x01); //     quantity 1

    static List<byte[]> frames() {
        return SpecExamples.frames();
    }

    @Test
    @DisplayName("§3.1.3: a whole frame yields its header, its PDU and the bytes it used")
    void wholeFrameDecodesToHeaderAndPdu() {
        var decode = MbapCodec.decode(ByteBuffer.wrap(READ_HOLDING_FRAME));
        var expected = new MbapFrame(new MbapHeader(1, 0, 6, 0xFF), bytes(0x03, 0x00, 0x04, 0x00, 0x01));
        assertThat(decode).isEqualTo(new MbapDecode.Complete(expected, 12));
    }

    @Test
    @DisplayName("§3.1.3: a frame encodes to header then PDU, length counting the unit id")
    void frameEncodesHeaderThenPdu() {
        var frame = MbapFrame.of(1, 0xFF, bytes(0x03, 0x00, 0x04, 0x00, 0x01));
        assertThat(MbapCodec.encode(frame)).containsExactly(READ_HOLDING_FRAME);
    }

    @Test
    @DisplayName("§3.1.3: fewer than 6 bytes need the rest of the 7-byte header first")
    void partialHeaderNeedsTheRestOfTheHeader() {
        assertThat(MbapCodec.decode(ByteBuffer.allocate(0))).isEqualTo(new MbapDecode.NeedMore(7));
        assertThat(MbapCodec.decode(ByteBuffer.wrap(READ_HOLDING_FRAME, 0, 5).slice()))
                .isEqualTo(new MbapDecode.NeedMore(2));
    }

    @Test
    @DisplayName("§3.1.3: once the length is known, exactly the missing bytes are asked for")
    void knownLengthAsksForExactlyTheMissingBytes() {
        assertThat(MbapCodec.decode(ByteBuffer.wrap(READ_HOLDING_FRAME, 0, 6).slice()))
                .isEqualTo(new MbapDecode.NeedMore(6));
        assertThat(MbapCodec.decode(ByteBuffer.wrap(READ_HOLDING_FRAME, 0, 11).slice()))
                .isEqualTo(new MbapDecode.NeedMore(1));
    }

    @ParameterizedTest
    @MethodSource("frames")
    @DisplayName("every valid frame fed one byte at a time needs more until its last byte, then completes")
    void everyValidFrameAtEveryChunkSplit(byte[] frame) {
        for (int arrived = 0; arrived < frame.length; arrived++) {
            var decode = MbapCodec.decode(ByteBuffer.wrap(frame, 0, arrived).slice());
            assertThat(decode).as("after %d bytes", arrived).isInstanceOf(MbapDecode.NeedMore.class);
            int needed = ((MbapDecode.NeedMore) decode).bytesNeeded();
            assertThat(arrived + needed).as("never asks past the frame").isLessThanOrEqualTo(frame.length);
        }
        var complete = (MbapDecode.Complete) MbapCodec.decode(ByteBuffer.wrap(frame));
        assertThat(complete.consumed()).isEqualTo(frame.length);
        assertThat(MbapCodec.encode(complete.frame())).containsExactly(frame);
    }

    @ParameterizedTest
    @MethodSource("frames")
    @DisplayName("every valid frame split into two chunks at every point reassembles to the same frame")
    void everyValidFrameSplitInTwoReassembles(byte[] frame) {
        var expected = ((MbapDecode.Complete) MbapCodec.decode(ByteBuffer.wrap(frame))).frame();
        for (int split = 1; split < frame.length; split++) {
            var stream = ByteBuffer.allocate(ModbusLimits.SPEC.maxAdu());
            stream.put(frame, 0, split).flip();
            assertThat(MbapCodec.decode(stream)).isInstanceOf(MbapDecode.NeedMore.class);
            stream.compact().put(frame, split, frame.length - split).flip();
            assertThat(MbapCodec.decode(stream)).isEqualTo(new MbapDecode.Complete(expected, frame.length));
        }
    }

    @Test
    @DisplayName("§3.1.3: back-to-back frames in one buffer decode one after another by consumed")
    void pipelinedFramesDecodeInTurn() {
        List<byte[]> frames = frames();
        var stream = ByteBuffer.wrap(concat(frames.toArray(byte[][]::new)));
        for (byte[] frame : frames) {
            var complete = (MbapDecode.Complete) MbapCodec.decode(stream);
            assertThat(MbapCodec.encode(complete.frame())).containsExactly(frame);
            stream.position(stream.position() + complete.consumed());
        }
        assertThat(stream.hasRemaining()).isFalse();
    }

    @Test
    @DisplayName("decoding does not move the buffer's position")
    void decodingLeavesThePositionAlone() {
        var buffer = ByteBuffer.wrap(READ_HOLDING_FRAME);
        MbapCodec.decode(buffer);
        assertThat(buffer.position()).isZero();
    }

    @Test
    @DisplayName("§3.1.3: the largest frame (length 254, 253-byte PDU) is accepted, 255 is not")
    void largestFrameIsAcceptedOneMoreIsNot() {
        byte[] pdu = concat(bytes(0x41), new byte[252]);
        byte[] largest = MbapCodec.encode(MbapFrame.of(7, 1, pdu));
        assertThat(largest).hasSize(ModbusLimits.SPEC.maxAdu());
        assertThat(MbapCodec.decode(ByteBuffer.wrap(largest))).isInstanceOf(MbapDecode.Complete.class);

        byte[] tooLarge = Arrays.copyOf(largest, largest.length + 1);
        tooLarge[5] = (byte) 255;
        assertThat(MbapCodec.decode(ByteBuffer.wrap(tooLarge)))
                .isEqualTo(new MbapDecode.Malformed(MbapError.LENGTH_TOO_LONG, 4));
    }

    @Test
    @DisplayName("tighter limits reject frames the specification would allow")
    void tighterLimitsRejectLongerFrames() {
        var small = new ModbusLimits(7 + 10, 10, 2000, 125, 1968, 123, 121, 31, 35, 128);
        byte[] frame = MbapCodec.encode(MbapFrame.of(1, 1, new byte[11]));
        assertThat(MbapCodec.decode(ByteBuffer.wrap(frame), small))
                .isEqualTo(new MbapDecode.Malformed(MbapError.LENGTH_TOO_LONG, 4));
    }
}
