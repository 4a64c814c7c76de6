package io.isthmus.access.firewall;

import io.isthmus.model.AccessKind;
import io.isthmus.model.AssetId;
import io.isthmus.model.AttackIcs;
import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Protocol;
import io.isthmus.model.Severity;
import io.isthmus.model.Technique;
import io.isthmus.policy.Decision;
import io.isthmus.policy.Operation;
import io.isthmus.policy.Policy;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.modbus.FunctionCode;
import io.isthmus.wire.modbus.MbapFrame;
import io.isthmus.wire.modbus.ModbusPduCodec;
import io.isthmus.wire.modbus.ModbusRequest;
import io.isthmus.wire.modbus.PduDecode;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides one request frame: decode with the passive path's codec, classify (read, write, control,
 * ...), ask the {@link Policy}, then apply the per-client write rate. Everything that is not a
 * clean allow is a deny: an undecodable PDU, a policy error, a rate overrun (fail closed).
 *
 * <p>Thread-safe: the policy is immutable and only the rate buckets are shared, under their own
 * lock, so connections decide in parallel.
 */
public final class RequestInspector {
    private static final AttackIcs ATTACK = AttackIcs.bundled();
    private static final int MAX_CLIENTS = 4096;

    private final Policy policy;
    private final InetAddress server;
    private final FirewallConfig config;
    private final Map<InetAddress, double[]> buckets = new LinkedHashMap<>(16, 0.75f, true);

    public RequestInspector(Policy policy, InetAddress server, FirewallConfig config) {
        this.policy = policy;
        this.server = server;
        this.config = config;
    }

    /** The verdict on {@code frame} from {@code client} at {@code nowNanos} (monotonic). */
    public Verdict inspect(InetAddress client, MbapFrame frame, Instant now, long nowNanos) {
        ModbusRequest request;
        switch (ModbusPduCodec.decodeRequest(frame.pduBuffer(), config.limits())) {
            case PduDecode.Ok<ModbusRequest> ok -> request = ok.value();
            case PduDecode.Malformed<ModbusRequest> bad -> {
                int fc = frame.pdu().length > 0 ? frame.pdu()[0] & 0xFF : -1;
                return deny(
                        Optional.empty(),
                        "malformed request: " + bad.error(),
                        client,
                        now,
                        AccessKind.WRITE,
                        fc,
                        frame.unitId(),
                        "malformed");
            }
        }
        MessageSummary m = ModbusPduCodec.summarize(request, config.limits());
        if (!m.anomalies().isEmpty()) {
            // What a server would refuse with an exception (a quantity out of range, an unknown
            // function): never forwarded, whatever the policy says.
            return deny(
                    Optional.empty(),
                    "invalid request: " + m.anomalies().getFirst().detail(),
                    client,
                    now,
                    AccessKind.WRITE,
                    m.function(),
                    frame.unitId(),
                    "invalid");
        }
        Operation op = new Operation(
                client,
                server,
                Protocol.MODBUS,
                m.access(),
                m.function(),
                frame.unitId(),
                m.address().orElse(-1),
                m.quantity().orElse(1));
        Decision d;
        try {
            d = policy.decide(op);
        } catch (RuntimeException e) {
            return deny(
                    Optional.of(op),
                    "no decision (" + e + ")",
                    client,
                    now,
                    m.access(),
                    m.function(),
                    frame.unitId(),
                    "error");
        }
        if (d.verdict() == Decision.Verdict.DENY) {
            return deny(
                    Optional.of(op), d.explanation(), client, now, m.access(), m.function(), frame.unitId(), d.rule());
        }
        if (m.access().modifiesDevice() && !takeWriteToken(client, nowNanos)) {
            return deny(
                    Optional.of(op),
                    "write rate above " + config.writeRate().perSecond() + "/s (burst "
                            + config.writeRate().burst() + ")",
                    client,
                    now,
                    m.access(),
                    m.function(),
                    frame.unitId(),
                    "write-rate");
        }
        return new Verdict.Forward(op);
    }

    private boolean takeWriteToken(InetAddress client, long nowNanos) {
        WriteRateLimit rate = config.writeRate();
        if (rate.unlimited()) {
            return true;
        }
        synchronized (buckets) {
            return takeWriteToken(rate, client, nowNanos);
        }
    }

    private boolean takeWriteToken(WriteRateLimit rate, InetAddress client, long nowNanos) {
        double[] b = buckets.get(client);
        if (b == null) {
            if (buckets.size() >= MAX_CLIENTS) {
                var it = buckets.entrySet().iterator();
                it.next();
                it.remove();
            }
            b = new double[] {rate.burst(), nowNanos};
            buckets.put(client, b);
        }
        b[0] = Math.min(rate.burst(), b[0] + (nowNanos - (long) b[1]) / 1e9 * rate.perSecond());
        b[1] = nowNanos;
        if (b[0] >= 1) {
            b[0] -= 1;
            return true;
        }
        return false;
    }

    private Verdict deny(
            Optional<Operation> op,
            String reason,
            InetAddress client,
            Instant now,
            AccessKind access,
            int function,
            int unit,
            String rule) {
        List<Technique> techniques = new ArrayList<>();
        for (String id : techniques(access, function, rule)) {
            techniques.add(ATTACK.technique(id));
        }
        Severity severity = access.modifiesDevice() ? Severity.HIGH : Severity.MEDIUM;
        Evidence evidence = Evidence.of(
                "the inline firewall refused Modbus function " + function + " from " + client.getHostAddress() + ": "
                        + reason,
                new Evidence.Fact("src_ip", client.getHostAddress()),
                new Evidence.Fact("dst_ip", server.getHostAddress()),
                new Evidence.Fact("function_code", Integer.toString(function)),
                new Evidence.Fact("unit_id", Integer.toString(unit)),
                new Evidence.Fact("access", access.id()),
                new Evidence.Fact("rule", rule));
        if (op.isPresent() && op.get().address() >= 0) {
            evidence = evidence.with("address", Long.toString(op.get().address()))
                    .with("quantity", Long.toString(op.get().quantity()));
        }
        Event alert = new Event(
                now,
                EventKind.ACCESS_DECISION,
                severity,
                "Modbus " + access.id() + " from " + client.getHostAddress() + " denied by the inline firewall",
                List.of(AssetId.of(server), AssetId.of(client)),
                techniques,
                evidence);
        return new Verdict.Deny(op, reason, alert);
    }

    /** ATT&CK for ICS techniques a refused request of this kind is evidence of. */
    static List<String> techniques(AccessKind access, int function, String rule) {
        if (rule.equals("write-rate")) {
            return List.of("T0806");
        }
        return switch (access) {
            case WRITE -> List.of("T0855", "T0836");
            case CONTROL -> function == FunctionCode.DIAGNOSTICS ? List.of("T0855", "T0816") : List.of("T0855");
            case PROGRAM -> List.of("T0843");
            case READ -> List.of("T0801");
            case DIAGNOSTIC, DISCOVERY -> List.of("T0888");
        };
    }
}
