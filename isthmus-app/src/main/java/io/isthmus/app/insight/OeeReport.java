package io.isthmus.app.insight;

import io.isthmus.insight.oee.Loss;
import io.isthmus.insight.oee.OeeResult;
import io.isthmus.insight.oee.Scope;
import io.isthmus.insight.shift.TimeSpan;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** {@code oee.csv}, {@code oee-losses.csv} and {@code index.html} of {@code isthmus report oee}. */
final class OeeReport {
    private OeeReport() {}

    static String csv(List<OeeResult> rows) {
        StringBuilder b = new StringBuilder("scope,id,day,shift,from,to,planned_busy_s,production_s,produced,good,")
                .append("availability,performance,quality,oee\r\n");
        for (OeeResult r : rows) {
            b.append(r.scope().label()).append(',').append(Html.csv(r.id())).append(',');
            b.append(r.period().day())
                    .append(',')
                    .append(Html.csv(r.period().shift().orElse("")))
                    .append(',');
            b.append(r.period().span().from())
                    .append(',')
                    .append(r.period().span().to())
                    .append(',');
            b.append(EnergyReport.num(r.plannedBusySeconds(), 1)).append(',');
            b.append(EnergyReport.num(r.productionSeconds(), 1)).append(',');
            b.append(r.produced()).append(',').append(r.good()).append(',');
            b.append(EnergyReport.num(r.availability(), 4)).append(',');
            b.append(EnergyReport.num(r.performance(), 4)).append(',');
            b.append(EnergyReport.num(r.quality(), 4)).append(',');
            b.append(EnergyReport.num(r.oee(), 4)).append("\r\n");
        }
        return b.toString();
    }

    static String lossesCsv(List<OeeResult> rows) {
        StringBuilder b = new StringBuilder("scope,id,day,shift,machine,state,fault_code,fault_class,description,")
                .append("seconds,count\r\n");
        for (OeeResult r : rows) {
            for (Loss l : r.losses()) {
                b.append(r.scope().label()).append(',').append(Html.csv(r.id())).append(',');
                b.append(r.period().day())
                        .append(',')
                        .append(Html.csv(r.period().shift().orElse("")))
                        .append(',');
                b.append(Html.csv(l.machine()))
                        .append(',')
                        .append(l.state().label())
                        .append(',');
                b.append(l.fault().map(f -> Integer.toString(f.code())).orElse(""))
                        .append(',');
                b.append(Html.csv(l.fault()
                                .map(f -> f.faultClass())
                                .orElse(l.state().label())))
                        .append(',');
                b.append(Html.csv(l.fault()
                                .map(f -> f.description())
                                .orElse(l.state().description())))
                        .append(',');
                b.append(EnergyReport.num(l.seconds(), 1))
                        .append(',')
                        .append(l.count())
                        .append("\r\n");
            }
        }
        return b.toString();
    }

    static String html(List<OeeResult> rows, TimeSpan window, List<String> notes, Instant generated) {
        StringBuilder h = new StringBuilder(32 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.append("<title>Isthmus OEE report</title><style>").append(Html.STYLE).append("</style></head><body>\n");
        h.append("<h1>OEE (ISO 22400-2)</h1><p class=\"meta\">")
                .append(Html.esc(window.from() + " to " + window.to()))
                .append(" · generated ")
                .append(Html.esc(generated.toString()))
                .append("</p>\n");
        for (String n : notes) {
            h.append("<p class=\"warn\">").append(Html.esc(n)).append("</p>\n");
        }
        List<OeeResult> line =
                rows.stream().filter(r -> r.scope() == Scope.LINE).toList();
        List<String> labels =
                line.stream().map(r -> EnergyReport.label(r.period())).toList();
        h.append(BarChartSvg.horizontal(
                "Line OEE per period (%)",
                labels,
                List.of(
                        series("availability", "#2e86c1", line, 0),
                        series("performance", "#28b463", line, 1),
                        series("quality", "#d68910", line, 2),
                        series("OEE", "#1b2631", line, 3)),
                "%",
                1));
        h.append("<h2>Per period</h2>\n<table><tr><th>scope</th><th>id</th><th>period</th><th>planned busy</th>")
                .append("<th>producing</th><th>produced</th><th>good</th><th>A</th><th>P</th><th>Q</th>")
                .append("<th>OEE</th><th>largest losses</th></tr>\n");
        for (OeeResult r : rows) {
            h.append("<tr><td>").append(r.scope().label()).append("</td><td>").append(Html.esc(r.id()));
            h.append("</td><td>").append(Html.esc(EnergyReport.label(r.period())));
            h.append("</td><td class=\"num\">").append(hours(r.plannedBusySeconds()));
            h.append("</td><td class=\"num\">").append(hours(r.productionSeconds()));
            h.append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%,d", r.produced()));
            h.append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%,d", r.good()));
            for (double v : new double[] {r.availability(), r.performance(), r.quality(), r.oee()}) {
                h.append("</td><td class=\"num\">").append(BarChartSvg.format(100 * v, 1));
            }
            h.append("</td><td>");
            r.losses().stream()
                    .limit(3)
                    .forEach(l -> h.append(Html.esc(describe(l))).append("<br>"));
            h.append("</td></tr>\n");
        }
        return h.append("</table></body></html>\n").toString();
    }

    static String describe(Loss l) {
        String what = l.fault()
                .map(f -> l.machine() + " fault " + f.code() + " (" + f.description() + ")")
                .orElse(l.machine() + " " + l.state().description());
        return what + ": " + hours(l.seconds()) + ", " + l.count() + "×";
    }

    private static String hours(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static BarChartSvg.Series series(String name, String colour, List<OeeResult> rows, int which) {
        return new BarChartSvg.Series(
                name,
                colour,
                rows.stream()
                        .map(r -> 100
                                * switch (which) {
                                    case 0 -> r.availability();
                                    case 1 -> r.performance();
                                    case 2 -> r.quality();
                                    default -> r.oee();
                                })
                        .toList());
    }
}
