package io.isthmus.app.insight;

import java.util.List;
import java.util.Locale;

/**
 * A small inline SVG bar chart (one or two series, one bar group per label), so the reports need no
 * script and nothing from a CDN. Non-finite values draw no bar and are labelled "n/a".
 */
final class BarChartSvg {
    record Series(String name, String colour, List<Double> values) {}

    private static final int ROW = 22;
    private static final int LABEL_W = 220;
    private static final int BAR_W = 460;
    private static final int VALUE_W = 110;

    private BarChartSvg() {}

    /** Horizontal bars: one row per label and series; {@code unit} follows each value. */
    static String horizontal(String title, List<String> labels, List<Series> series, String unit, int decimals) {
        double max = 0;
        for (Series s : series) {
            for (double v : s.values()) {
                if (Double.isFinite(v) && v > max) {
                    max = v;
                }
            }
        }
        int rows = labels.size() * series.size();
        int legend = series.size() > 1 ? 20 : 0;
        int height = 28 + legend + rows * ROW + (series.size() > 1 ? labels.size() * 6 : 0) + 8;
        int width = LABEL_W + BAR_W + VALUE_W;
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\""
                        + " font-family=\"DejaVu Sans,Arial,sans-serif\" font-size=\"12\">",
                width,
                height,
                Html.esc(title)));
        b.append("<text x=\"0\" y=\"16\" font-weight=\"bold\" font-size=\"13\">")
                .append(Html.esc(title))
                .append("</text>");
        int y = 28;
        if (series.size() > 1) {
            int x = LABEL_W;
            for (Series s : series) {
                b.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>",
                        x,
                        y,
                        s.colour(),
                        x + 16,
                        y + 10,
                        Html.esc(s.name())));
                x += 30 + 7 * s.name().length();
            }
            y += legend;
        }
        for (int i = 0; i < labels.size(); i++) {
            b.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    LABEL_W - 8,
                    y + 15,
                    Html.esc(labels.get(i))));
            for (Series s : series) {
                double v = s.values().get(i);
                int w = max > 0 && Double.isFinite(v) ? (int) Math.round(BAR_W * v / max) : 0;
                b.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
                        LABEL_W,
                        y + 3,
                        w,
                        ROW - 6,
                        s.colour(),
                        Html.esc(s.name() + ": " + format(v, decimals) + " " + unit)));
                b.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%d\" y=\"%d\">%s</text>",
                        LABEL_W + w + 6,
                        y + 15,
                        Html.esc(format(v, decimals) + " " + unit)));
                y += ROW;
            }
            if (series.size() > 1) {
                y += 6;
            }
        }
        return b.append("</svg>").toString();
    }

    static String format(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,." + decimals + "f", v) : "n/a";
    }
}
