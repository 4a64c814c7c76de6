package io.isthmus.app.guard;

import io.isthmus.model.Technique;
import io.isthmus.observe.detect.Alert;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

/**
 * One alert as an RFC 5424 syslog message whose MSG is an ArcSight CEF record: what SIEMs parse
 * without a custom parser. Facility 4 (security/authorization, RFC 5424 6.2.1), severity from
 * {@link io.isthmus.model.Severity#syslogSeverity()}; CEF severity from {@code cefSeverity()}.
 * Header fields escape {@code \} and {@code |}; extension values escape {@code \}, {@code =} and
 * line breaks (CEF Implementation Standard, "Character Encoding").
 */
public final class CefSyslog {
    static final int FACILITY = 4;
    static final String VENDOR = "Isthmus";
    static final String PRODUCT = "Isthmus Guard";

    private CefSyslog() {}

    public static String format(Alert a, String hostname, String version, long pid) {
        var e = a.event();
        int pri = FACILITY * 8 + e.severity().syslogSeverity();
        Instant ts = e.time().truncatedTo(ChronoUnit.MICROS);
        String techniques = e.techniques().stream().map(Technique::id).collect(Collectors.joining(","));
        StringBuilder cef = new StringBuilder("CEF:0|")
                .append(header(VENDOR))
                .append('|')
                .append(header(PRODUCT))
                .append('|')
                .append(header(version))
                .append('|')
                .append(header(a.rule().id()))
                .append('|')
                .append(header(e.title()))
                .append('|')
                .append(e.severity().cefSeverity())
                .append('|');
        ext(cef, "rt", Long.toString(e.time().toEpochMilli()));
        ext(cef, "start", Long.toString(a.firstNanos() / 1_000_000));
        ext(cef, "end", Long.toString(a.lastNanos() / 1_000_000));
        ext(cef, a.src().startsWith("mac:") ? "smac" : "src", stripMac(a.src()));
        if (!a.dst().contains(" ")) {
            ext(cef, a.dst().startsWith("mac:") ? "dmac" : "dst", stripMac(a.dst()));
        }
        a.protocol().ifPresent(p -> ext(cef, "app", p.id()));
        ext(cef, "cnt", Long.toString(a.count()));
        ext(cef, "cs1Label", "techniques");
        ext(cef, "cs1", techniques);
        ext(cef, "cs2Label", "tactics");
        ext(cef, "cs2", e.evidence().fact("tactics").orElse(""));
        if (!a.zonePath().isEmpty()) {
            ext(cef, "cs3Label", "zonePath");
            ext(cef, "cs3", a.zonePath());
        }
        ext(cef, "msg", e.evidence().summary());
        return "<" + pri + ">1 " + ts + " " + token(hostname) + " isthmus " + pid + " "
                + a.rule().id() + " - " + cef.toString().stripTrailing();
    }

    private static String stripMac(String host) {
        return host.startsWith("mac:") ? host.substring(4) : host;
    }

    static String header(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    }

    private static void ext(StringBuilder b, String key, String value) {
        b.append(key)
                .append('=')
                .append(value.replace("\\", "\\\\")
                        .replace("=", "\\=")
                        .replace("\r", "\\r")
                        .replace("\n", "\\n"))
                .append(' ');
    }

    /** An RFC 5424 header token: printable US-ASCII without spaces, at most 255 characters, or "-". */
    static String token(String s) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 255; i++) {
            char c = s.charAt(i);
            if (c > 32 && c < 127) {
                b.append(c);
            }
        }
        return b.isEmpty() ? "-" : b.toString();
    }
}
