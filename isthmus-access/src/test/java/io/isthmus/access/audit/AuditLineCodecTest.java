package io.isthmus.access.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One record, one canonical line; no field can forge a separator, and hostile lines are refused. */
class AuditLineCodecTest {
    private final AuditLineCodec codec = new AuditLineCodec(AuditLimits.DEFAULT);

    private static AuditRecord record(String source, Map<String, String> details) {
        return new AuditRecord(
                42,
                AuditEvent.of(
                        Instant.parse("2026-11-26T03:04:05.123Z"),
                        source,
                        AuditCategory.CONTROL_SYSTEM,
                        "write.approved",
                        "req-7",
                        AuditResult.SUCCESS,
                        details));
    }

    @Test
    void aRecordIsOneReadableLineWithTheSr28Fields() {
        String line = codec.encode(record("bob@10.1.2.3", Map.of("tag", "acme/spring/pack/line1/filler/plc/setpoint")));
        assertThat(line)
                .isEqualTo(
                        "v1\t42\t2026-11-26T03:04:05.123Z\tbob@10.1.2.3\tcontrol-system\twrite.approved\treq-7\tsuccess"
                                + "\ttag=acme/spring/pack/line1/filler/plc/setpoint");
    }

    @Test
    void separatorsNewlinesAndEscapesInsideFieldsCannotForgeAFieldOrALine() {
        Map<String, String> details = new TreeMap<>();
        details.put("reason", "x\tdenied\nv1\t43\tforged;a=b%41");
        details.put("note", "Überdruck ✓");
        AuditRecord r = record("eve\t\r\n", details);
        String line = codec.encode(r);

        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        assertThat(line.split("\t", -1)).hasSize(9);
        assertThat(line).contains("Überdruck ✓");
        assertThat(codec.decode(line)).isEqualTo(new AuditLineCodec.LineResult.Parsed(r));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "",
                "v1",
                "v2\t1\t2026-11-26T00:00:00Z\ta\taccess-control\tt\t\tsuccess\t",
                "v1\t-1\t2026-11-26T00:00:00Z\ta\taccess-control\tt\t\tsuccess\t",
                "v1\tx\t2026-11-26T00:00:00Z\ta\taccess-control\tt\t\tsuccess\t",
                "v1\t1\tyesterday\ta\taccess-control\tt\t\tsuccess\t",
                "v1\t1\t2026-11-26T00:00:00Z\ta\tmaintenance\tt\t\tsuccess\t",
                "v1\t1\t2026-11-26T00:00:00Z\ta\taccess-control\tt\t\tmaybe\t",
                "v1\t1\t2026-11-26T00:00:00Z\t\taccess-control\tt\t\tsuccess\t",
                "v1\t1\t2026-11-26T00:00:00Z\ta%4\taccess-control\tt\t\tsuccess\t",
                "v1\t1\t2026-11-26T00:00:00Z\ta%zz\taccess-control\tt\t\tsuccess\t",
                "v1\t1\t2026-11-26T00:00:00Z\ta\taccess-control\tt\t\tsuccess\tnovalue",
                "v1\t1\t2026-11-26T00:00:00Z\ta\taccess-control\tt\t\tsuccess\tk=1;k=2",
                "v1\t1\t2026-11-26T00:00:00Z\t%61\taccess-control\tt\t\tsuccess\t",
                "v1\t01\t2026-11-26T00:00:00Z\ta\taccess-control\tt\t\tsuccess\t",
                "v1\t1\t2026-11-26T00:00:00Z\ta\taccess-control\tt\t\tsuccess\t\textra"
            })
    void malformedOrNonCanonicalLinesAreInvalidNeverExceptions(String line) {
        assertThat(codec.decode(line)).isInstanceOf(AuditLineCodec.LineResult.Invalid.class);
    }

    @Test
    void anOverlongLineIsRefusedBeforeItIsSplit() {
        assertThat(codec.decode("v1\t" + "9".repeat(AuditLimits.DEFAULT.maxLineBytes() + 1)))
                .isInstanceOf(AuditLineCodec.LineResult.Invalid.class);
    }

    @Test
    void theWriterIsToldWhenARecordExceedsTheLimits() {
        assertThatThrownBy(() -> codec.encode(record("a".repeat(2000), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source");
        Map<String, String> many = new TreeMap<>();
        for (int i = 0; i < 40; i++) {
            many.put("k" + i, "v");
        }
        assertThatThrownBy(() -> codec.encode(record("a", many)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("details");
    }

    @FuzzTest(maxDuration = "20s")
    void anyTextDecodesToARecordThatReEncodesToItOrToAnInvalidResult(FuzzedDataProvider data) {
        String line = data.consumeRemainingAsString();
        switch (codec.decode(line)) {
            case AuditLineCodec.LineResult.Parsed p ->
                assertThat(codec.encode(p.record())).isEqualTo(line);
            case AuditLineCodec.LineResult.Invalid bad ->
                assertThat(bad.reason()).isNotBlank();
        }
    }
}
