package io.isthmus.app.insight;

/** Escaping and the shared style of the insight reports. */
final class Html {
    static final String STYLE = """
            body{font-family:"DejaVu Sans",Arial,sans-serif;margin:24px;color:#1b2631;background:#fff;max-width:1100px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d5dbe1}
            .meta{color:#566573;font-size:13px}.warn{color:#9a3412}
            table{border-collapse:collapse;font-size:12.5px;width:100%}
            th,td{border:1px solid #d5dbe1;padding:4px 6px;text-align:left;vertical-align:top}
            th{background:#eef2f6}tr:nth-child(even) td{background:#f8f9fb}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            svg{display:block;margin:8px 0 16px}
            """;

    private Html() {}

    static String esc(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\t' && c != '\n' ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    /** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
    static String csv(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
