package io.isthmus.observe.detect;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.model.Severity;
import io.isthmus.model.Technique;
import io.isthmus.wire.AttributeSink;
import io.isthmus.wire.HexText;
import io.isthmus.wire.LazyAttributes;
import java.util.List;
import java.util.Optional;

/**
 * Commands that stop, restart or reprogram a device or silence its reporting, alerted whatever the
 * baseline or policy says: an allowed engineering workstation stopping a PLC is still an event a
 * person must see.
 */
final class DangerousCommands {
    private static final List<Technique> RESTART = Finding.techniques("T0816");
    private static final List<Technique> DOS = Finding.techniques("T0814");
    private static final List<Technique> MODE = Finding.techniques("T0858");
    private static final List<Technique> DOWNLOAD = Finding.techniques("T0843");
    private static final List<Technique> MODIFY_PROGRAM = Finding.techniques("T0889");
    private static final List<Technique> SERVICE_STOP = Finding.techniques("T0881");
    private static final List<Technique> ALARM_SUPPRESSION = Finding.techniques("T0878");
    private static final List<Technique> UPLOAD = Finding.techniques("T0845");
    private static final List<Technique> BLOCK_REPORTING = Finding.techniques("T0804");

    /** What kind of danger: the part of an alert that does not depend on who sent it. */
    record Danger(String what, List<Technique> techniques, Severity severity) {}

    /** Keys a dangerous-command alert: who sent what to whom. */
    private record Key(Host actor, Host target, String what) {
        // Written out: the generated record methods (ObjectMethods method handles) were detection's
        // top cost in JFR (docs/benchmarks.md, "Detection on vs off").
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && actor.equals(k.actor) && target.equals(k.target) && what.equals(k.what);
        }

        @Override
        public int hashCode() {
            int h = actor.hashCode();
            h = 31 * h + target.hashCode();
            h = 31 * h + what.hashCode();
            return h;
        }
    }

    void inspect(Seen s, String zonePath, AlertLog out) {
        Optional<Danger> danger = classify(s);
        if (danger.isEmpty()) {
            return;
        }
        Danger d = danger.get();
        // In an S7 download the PLC pulls the blocks: Download Block and Download Ended are jobs the
        // PLC sends to the programming device. The actor is the programming device.
        boolean plcPulls = s.m.protocol() == Protocol.S7COMM && (s.m.function() == 0x1B || s.m.function() == 0x1C);
        Host actor = plcPulls ? s.dst : s.src;
        Host target = plcPulls ? s.src : s.dst;
        Key key = new Key(actor, target, d.what());
        if (out.absorb(Rule.DANGEROUS_COMMAND, key, s.time())) {
            return;
        }
        out.add(new Finding(
                Rule.DANGEROUS_COMMAND,
                d.severity(),
                d.techniques(),
                d.what() + " sent by " + actor + " to " + target,
                key,
                actor.toString(),
                target.toString(),
                Optional.of(s.m.protocol()),
                zonePath,
                List.of(target.assetId(), actor.assetId()),
                s.evidence(s.describe())));
    }

    static Optional<Danger> classify(Seen s) {
        int f = s.m.function();
        return switch (s.m.protocol()) {
            case MODBUS -> f == 8 ? modbusDiagnostics(s) : Optional.empty();
            case S7COMM -> s7(s, f);
            case ENIP -> cip(s);
            case DNP3 -> dnp3(f);
            case BACNET -> bacnet(s, f);
            case IEC104 -> f == 105 ? danger("IEC 104 reset process (C_RP_NA_1)", RESTART, Severity.CRITICAL) : none();
            case S7COMM_PLUS, OPC_UA, PN_DCP, MQTT -> Optional.empty();
        };
    }

    private static Optional<Danger> modbusDiagnostics(Seen s) {
        return switch (s.attribute("sub_function").orElse("")) {
            case "1" -> danger("Modbus restart communications (FC 8/1)", RESTART, Severity.CRITICAL);
            case "4" -> danger("Modbus force listen only mode (FC 8/4)", DOS, Severity.CRITICAL);
            default -> Optional.empty();
        };
    }

    private static Optional<Danger> s7(Seen s, int f) {
        return switch (f) {
            case 0x29 -> danger("S7 PLC stop", MODE, Severity.CRITICAL);
            case 0x1A, 0x1B, 0x1C -> danger("S7 program download", DOWNLOAD, Severity.CRITICAL);
            case 0x28 ->
                switch (s.attribute("s7_pi_service").orElse("")) {
                    case "P_PROGRAM" -> danger("S7 PLC start", MODE, Severity.HIGH);
                    case "_INSE" -> danger("S7 program download", DOWNLOAD, Severity.CRITICAL);
                    case "_DELE" -> danger("S7 delete block", MODIFY_PROGRAM, Severity.CRITICAL);
                    default -> Optional.empty();
                };
            default -> Optional.empty();
        };
    }

    private static Optional<Danger> cip(Seen s) {
        if (s.m.access() != AccessKind.CONTROL && s.m.access() != AccessKind.PROGRAM) {
            // Reset, Start and Stop are control services (CipService), and a message's access kind
            // is the strongest of its tree (CipAccess): a tree holding one is control or program.
            return Optional.empty();
        }
        if (s.m.attributes() instanceof LazyAttributes lazy) {
            // Described on demand (EnipSummary): read the service codes from the description
            // without building the whole attribute list, which the writer does not need either.
            CipServices scan = new CipServices();
            lazy.writeTo(scan);
            return scan.found;
        }
        for (var a : s.m.attributes()) {
            boolean service = a.name().equals("cip_service");
            boolean embedded = a.name().equals("cip_embedded");
            if (!service && !embedded) {
                continue;
            }
            Optional<Danger> d = cipService(a.value());
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    private static Optional<Danger> cipService(String v) {
        if (v.startsWith("0x07")) {
            return danger("CIP stop", MODE, Severity.CRITICAL);
        }
        if (v.startsWith("0x05")) {
            return danger("CIP reset", RESTART, Severity.CRITICAL);
        }
        if (v.startsWith("0x06")) {
            return danger("CIP start", MODE, Severity.HIGH);
        }
        return Optional.empty();
    }

    /**
     * The first dangerous CIP service among the {@code cip_service} and {@code cip_embedded}
     * attributes, in order, judged by the start of each value as the list loop above does.
     */
    private static final class CipServices implements AttributeSink {
        Optional<Danger> found = Optional.empty();
        private boolean judging;

        @Override
        public void name(String name) {
            judging = found.isEmpty() && (name.equals("cip_service") || name.equals("cip_embedded"));
        }

        @Override
        public void text(String text) {
            if (judging) {
                judge(text);
            }
        }

        @Override
        public void hex(long value, int digits) {
            if (judging) {
                judge(HexText.of(value, digits));
            }
        }

        @Override
        public void decimal(long value) {
            if (judging) {
                judge(Long.toString(value));
            }
        }

        /** Only the first piece of a value decides, as {@code startsWith} on the whole value would. */
        private void judge(String first) {
            judging = false;
            found = cipService(first);
        }
    }

    private static Optional<Danger> dnp3(int f) {
        return switch (f) {
            case 13 -> danger("DNP3 cold restart", RESTART, Severity.CRITICAL);
            case 14 -> danger("DNP3 warm restart", RESTART, Severity.CRITICAL);
            case 18 -> danger("DNP3 stop application", SERVICE_STOP, Severity.CRITICAL);
            case 21 -> danger("DNP3 disable unsolicited responses", ALARM_SUPPRESSION, Severity.HIGH);
            default -> Optional.empty();
        };
    }

    /**
     * BACnet confirmed services (ASHRAE 135 clause 16): ReinitializeDevice (20) restarts the device
     * (cold/warm start, activate-changes) or moves its configuration (backup is an upload, restore
     * a download); DeviceCommunicationControl (17) with disable silences the device for everyone
     * but the sender of the next DCC (denial of service), with disable-initiation it stops its
     * I-Am, COV and event notifications (blocked reporting). Function code = service (package-info
     * of io.isthmus.wire.bacnet).
     */
    private static Optional<Danger> bacnet(Seen s, int f) {
        return switch (f) {
            case 20 ->
                switch (s.attribute("reinitialize_state").orElse("")) {
                    case "coldstart" -> danger("BACnet ReinitializeDevice coldstart", RESTART, Severity.CRITICAL);
                    case "warmstart" -> danger("BACnet ReinitializeDevice warmstart", RESTART, Severity.CRITICAL);
                    case "activate-changes" ->
                        danger("BACnet ReinitializeDevice activate-changes", RESTART, Severity.HIGH);
                    case "start-restore", "end-restore" ->
                        danger(
                                "BACnet ReinitializeDevice restore (configuration download)",
                                DOWNLOAD,
                                Severity.CRITICAL);
                    case "start-backup", "end-backup" ->
                        danger("BACnet ReinitializeDevice backup (configuration upload)", UPLOAD, Severity.HIGH);
                    case "abort-restore" -> none();
                    default -> danger("BACnet ReinitializeDevice (unreadable state)", RESTART, Severity.HIGH);
                };
            case 17 ->
                switch (s.attribute("enable_disable").orElse("")) {
                    case "enable" -> none();
                    case "disable-initiation" ->
                        danger("BACnet DeviceCommunicationControl disable-initiation", BLOCK_REPORTING, Severity.HIGH);
                    case "disable" -> danger("BACnet DeviceCommunicationControl disable", DOS, Severity.CRITICAL);
                    default -> danger("BACnet DeviceCommunicationControl (unreadable)", DOS, Severity.HIGH);
                };
            default -> none();
        };
    }

    private static Optional<Danger> none() {
        return Optional.empty();
    }

    private static Optional<Danger> danger(String what, List<Technique> techniques, Severity severity) {
        return Optional.of(new Danger(what, techniques, severity));
    }
}
