package io.isthmus.access.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CEF export: the fields a SIEM maps, and no way for a hostile value to add one. */
class AuditCefTest {
    @Test
    void aDeniedWriteBecomesAMediumSeverityCefEventWithTheSr28Fields() {
        AuditRecord r = new AuditRecord(
                9,
                AuditEvent.of(
                        Instant.parse("2026-11-26T03:00:00Z"),
                        "mes-service@10.2.0.7",
                        AuditCategory.CONTROL_SYSTEM,
                        "write.requested",
                        "req-9",
                        AuditResult.DENIED,
                        Map.of("tag", "acme/springfield/packaging/line1/filler/plc/setpoint")));
        assertThat(AuditCef.format(r, "0.1.0"))
                .isEqualTo("CEF:0|Isthmus|Isthmus|0.1.0|audit:control-system:write.requested"
                        + "|control-system write.requested denied|5|rt=1795662000000 cat=control-system"
                        + " suser=mes-service@10.2.0.7 outcome=denied externalId=9 cs1Label=eventId cs1=req-9"
                        + " cs2Label=details cs2=tag\\=acme/springfield/packaging/line1/filler/plc/setpoint");
    }

    @Test
    void separatorsInValuesAreEscapedSoNoFieldCanBeInjected() {
        AuditRecord r = new AuditRecord(
                1,
                AuditEvent.of(
                        Instant.parse("2026-11-26T03:00:00Z"),
                        "eve outcome=success\nCEF:0|x",
                        AuditCategory.ACCESS_CONTROL,
                        "login|x",
                        "",
                        AuditResult.FAILURE,
                        Map.of()));
        String cef = AuditCef.format(r, "0.1.0");
        assertThat(cef).doesNotContain("\n").contains("suser=eve outcome\\=success\\nCEF:0|x");
        assertThat(cef).contains("audit:access-control:login\\|x");
        assertThat(cef.split(" outcome=", -1)).hasSize(2);
    }
}
