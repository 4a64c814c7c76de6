package io.isthmus.wire.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndianTest {
    private static final byte[] BYTES = {0x00, (byte) 0xA1, (byte) 0xB2, (byte) 0xC3, (byte) 0xD4, 0x55};

    private static List<ByteBuffer> everyKind() {
        ByteBuffer sliced = ByteBuffer.wrap(new byte[BYTES.length + 3])
                .position(3)
                .slice()
                .put(BYTES)
                .clear();
        return List.of(
                ByteBuffer.wrap(BYTES.clone()),
                ByteBuffer.wrap(BYTES.clone()).order(ByteOrder.LITTLE_ENDIAN),
                sliced,
                ByteBuffer.wrap(BYTES.clone()).asReadOnlyBuffer(),
                ByteBuffer.allocateDirect(BYTES.length).put(BYTES).clear());
    }

    @Test
    void readsA32BitFieldInTheFilesOrderFromEveryKindOfBuffer() {
        for (ByteBuffer b : everyKind()) {
            assertThat(Endian.i32(b, 1, true)).isEqualTo(0xA1B2C3D4);
            assertThat(Endian.i32(b, 1, false)).isEqualTo(0xD4C3B2A1);
            assertThat(Endian.u32(b, 1, true)).isEqualTo(0xA1B2C3D4L);
            assertThat(Endian.i32(b, 2, false)).isEqualTo(0x55D4C3B2);
        }
    }

    @Test
    void refusesAFieldReachingPastTheBuffersLimitNotJustItsArray() {
        for (ByteBuffer b : everyKind()) {
            b.limit(4);
            assertThatThrownBy(() -> Endian.i32(b, 1, true)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> Endian.i32(b, -1, true)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(Endian.i32(b, 0, true)).isEqualTo(0x00A1B2C3);
        }
    }
}
