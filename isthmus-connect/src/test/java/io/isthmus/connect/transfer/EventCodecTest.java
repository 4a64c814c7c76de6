package io.isthmus.connect.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AssetId;
import io.isthmus.model.AttackIcs;
import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Severity;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {
    static final EventCodec CODEC = EventCodec.withBundledAttack();

    static Event event() {
        return new Event(
                Instant.parse("2026-11-26T03:00:00.000001Z"),
                EventKind.NETWORK_ALERT,
                Severity.HIGH,
                "write to the conveyor's stop coil",
                List.of(new AssetId("ip:127.0.0.66")),
                List.of(AttackIcs.bundled().technique("T0855")),
                Evidence.of("function 5 from an IT host")
                        .with("function_code", "5")
                        .with("payload", ""));
    }

    @Test
    void anEventSurvivesEncodeAndDecode() {
        assertThat(CODEC.decode(CODEC.encode(event()))).isEqualTo(new TransferDecoding.Decoded<>(event()));
    }

    static List<Arguments> malformed() {
        byte[] v = CODEC.encode(event());
        // 0 version, 1 time, 9 kind (u16 length + "NETWORK_ALERT")
        byte[] badKind = v.clone();
        badKind[11] = 'X';
        byte[] longTitle = v.clone();
        int titleAt = 9 + 2 + 13 + 2 + 4; // after kind and severity "HIGH"
        longTitle[titleAt] = (byte) 0xff;
        byte[] badUtf8 = v.clone();
        badUtf8[titleAt + 2] = (byte) 0xc3;
        badUtf8[titleAt + 3] = (byte) 0x28;
        return List.of(
                Arguments.of("empty", new byte[0], TransferError.TRUNCATED),
                Arguments.of("version 7", HexFormat.of().parseHex("07"), TransferError.NOT_A_BATCH),
                Arguments.of("unknown kind", badKind, TransferError.BAD_FIELD),
                Arguments.of("title length beyond the bytes", longTitle, TransferError.EXCEEDS_LIMIT),
                Arguments.of("title not UTF-8", badUtf8, TransferError.BAD_FIELD),
                Arguments.of("cut short", Arrays.copyOf(v, v.length - 1), TransferError.TRUNCATED),
                Arguments.of("trailing byte", Arrays.copyOf(v, v.length + 1), TransferError.TRAILING_BYTES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedEventsAreRefusedWithAReason(String name, byte[] bytes, TransferError error) {
        var result = CODEC.decode(bytes);
        assertThat(result).isInstanceOf(TransferDecoding.Malformed.class);
        assertThat(((TransferDecoding.Malformed<Event>) result).error()).isEqualTo(error);
    }
}
