package io.isthmus.app.insight;

import io.isthmus.insight.energy.EmissionFactors;
import io.isthmus.insight.energy.EnergyGap;
import io.isthmus.insight.energy.EnergyResult;
import io.isthmus.insight.oee.PeriodLabel;
import io.isthmus.insight.oee.Scope;
import io.isthmus.insight.shift.TimeSpan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code energy.csv} and {@code index.html} of {@code isthmus report energy}. */
final class EnergyReport {
    private EnergyReport() {}

    static String label(PeriodLabel p) {
        return p.day() + p.shift().map(s -> " " + s).orElse("");
    }

    static String csv(List<EnergyResult> rows) {
        StringBuilder b = new StringBuilder();
        b.append("scope,id,day,shift,from,to,kwh,good_units,kwh_per_good_unit,co2e_location_kg,co2e_market_kg,")
                .append("factor_year,factor_source\r\n");
        for (EnergyResult r : rows) {
            b.append(r.scope().label()).append(',');
            b.append(Html.csv(r.id())).append(',');
            b.append(r.period().day()).append(',');
            b.append(Html.csv(r.period().shift().orElse(""))).append(',');
            b.append(r.period().span().from()).append(',');
            b.append(r.period().span().to()).append(',');
            b.append(num(r.kwh(), 3)).append(',');
            b.append(r.goodUnits()).append(',');
            b.append(num(r.kwhPerGoodUnit(), 6)).append(',');
            b.append(num(r.co2eLocationKg(), 3)).append(',');
            b.append(num(r.co2eMarketKg(), 3)).append(',');
            b.append(r.factors().map(f -> Integer.toString(f.year())).orElse(""))
                    .append(',');
            b.append(Html.csv(r.factors().map(EmissionFactors::source).orElse("")))
                    .append("\r\n");
        }
        return b.toString();
    }

    static String gapsCsv(List<EnergyGap> gaps) {
        StringBuilder b = new StringBuilder("meter,from,to,kwh\r\n");
        for (EnergyGap g : gaps) {
            b.append(Html.csv(g.meter()))
                    .append(',')
                    .append(g.span().from())
                    .append(',')
                    .append(g.span().to())
                    .append(',')
                    .append(num(g.kwh(), 3))
                    .append("\r\n");
        }
        return b.toString();
    }

    static String num(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "";
    }

    static String html(
            List<EnergyResult> rows, List<EnergyGap> gaps, TimeSpan window, List<String> notes, Instant generated) {
        StringBuilder h = new StringBuilder(32 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.append("<title>Isthmus energy report</title><style>")
                .append(Html.STYLE)
                .append("</style></head><body>\n");
        h.append("<h1>Energy and Scope 2 emissions</h1>");
        h.append("<p class=\"meta\">")
                .append(Html.esc(window.from() + " to " + window.to()))
                .append(" · generated ")
                .append(Html.esc(generated.toString()))
                .append("</p>\n");
        for (String n : notes) {
            h.append("<p class=\"warn\">").append(Html.esc(n)).append("</p>\n");
        }
        List<EnergyResult> line =
                rows.stream().filter(r -> r.scope() == Scope.LINE).toList();
        List<EnergyResult> machines =
                rows.stream().filter(r -> r.scope() == Scope.MACHINE).toList();
        summary(h, line, machines);
        h.append("<h2>Charts</h2>\n");
        if (!line.isEmpty()) {
            List<String> labels = line.stream().map(r -> label(r.period())).toList();
            h.append(BarChartSvg.horizontal(
                    "Line energy per period (kWh)",
                    labels,
                    List.of(new BarChartSvg.Series(
                            "kWh",
                            "#2e86c1",
                            line.stream().map(EnergyResult::kwh).toList())),
                    "kWh",
                    1));
            h.append(BarChartSvg.horizontal(
                    "Line Scope 2 emissions per period (kg CO2e)",
                    labels,
                    List.of(
                            new BarChartSvg.Series(
                                    "location-based",
                                    "#5d6d7e",
                                    line.stream()
                                            .map(EnergyResult::co2eLocationKg)
                                            .toList()),
                            new BarChartSvg.Series(
                                    "market-based",
                                    "#d68910",
                                    line.stream()
                                            .map(EnergyResult::co2eMarketKg)
                                            .toList())),
                    "kg",
                    1));
        }
        Map<String, double[]> perMachine = new LinkedHashMap<>(); // id -> {kwh, good}
        for (EnergyResult r : machines) {
            double[] v = perMachine.computeIfAbsent(r.id(), k -> new double[2]);
            v[0] += r.kwh();
            v[1] += r.goodUnits();
        }
        if (!perMachine.isEmpty()) {
            List<String> ids = new ArrayList<>(perMachine.keySet());
            h.append(BarChartSvg.horizontal(
                    "Energy per machine, whole range (kWh)",
                    ids,
                    List.of(new BarChartSvg.Series(
                            "kWh",
                            "#28b463",
                            ids.stream().map(i -> perMachine.get(i)[0]).toList())),
                    "kWh",
                    1));
            h.append(BarChartSvg.horizontal(
                    "Energy per good unit, whole range (Wh/unit)",
                    ids,
                    List.of(new BarChartSvg.Series(
                            "Wh per good unit",
                            "#8e44ad",
                            ids.stream()
                                    .map(i -> perMachine.get(i)[1] > 0
                                            ? 1000
                                                    * perMachine.get(i)[0]
                                                    / perMachine.get(i)[1]
                                            : Double.NaN)
                                    .toList())),
                    "Wh",
                    2));
        }
        table(h, rows);
        factors(h, rows);
        h.append("<h2>Meter gaps</h2>\n");
        if (gaps.isEmpty()) {
            h.append("<p class=\"meta\">No gaps: every meter reported within the configured max-gap.</p>\n");
        } else {
            h.append("<p class=\"meta\">The energy across a gap is counted (the counter kept counting) and spread")
                    .append(" evenly over it; where in the gap it was used is not known.</p>\n");
            h.append("<table><tr><th>meter</th><th>from</th><th>to</th><th>kWh</th></tr>\n");
            for (EnergyGap g : gaps) {
                h.append("<tr><td>")
                        .append(Html.esc(g.meter()))
                        .append("</td><td>")
                        .append(g.span().from())
                        .append("</td><td>")
                        .append(g.span().to())
                        .append("</td><td class=\"num\">")
                        .append(BarChartSvg.format(g.kwh(), 1))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder h, List<EnergyResult> line, List<EnergyResult> machines) {
        List<EnergyResult> base = line.isEmpty() ? machines : line;
        double kwh = base.stream().mapToDouble(EnergyResult::kwh).sum();
        long good = line.isEmpty()
                ? 0
                : line.stream().mapToLong(EnergyResult::goodUnits).sum();
        double loc = base.stream().mapToDouble(EnergyResult::co2eLocationKg).sum();
        double mkt = base.stream().mapToDouble(EnergyResult::co2eMarketKg).sum();
        h.append("<h2>Summary</h2>\n<table>");
        row(h, line.isEmpty() ? "energy, all machines" : "energy, line (incomer)", BarChartSvg.format(kwh, 1) + " kWh");
        row(h, "good units (line output)", String.format(Locale.ROOT, "%,d", good));
        row(h, "energy per good unit", good > 0 ? BarChartSvg.format(1000 * kwh / good, 2) + " Wh" : "n/a");
        row(h, "Scope 2, location-based", BarChartSvg.format(loc, 1) + " kg CO2e");
        row(h, "Scope 2, market-based", BarChartSvg.format(mkt, 1) + " kg CO2e");
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><th>")
                .append(Html.esc(k))
                .append("</th><td class=\"num\">")
                .append(Html.esc(v))
                .append("</td></tr>");
    }

    private static void table(StringBuilder h, List<EnergyResult> rows) {
        h.append("<h2>Per period</h2>\n<table><tr><th>scope</th><th>id</th><th>period</th><th>kWh</th>")
                .append("<th>good units</th><th>Wh / good unit</th><th>kg CO2e (location)</th>")
                .append("<th>kg CO2e (market)</th></tr>\n");
        for (EnergyResult r : rows) {
            h.append("<tr><td>")
                    .append(r.scope().label())
                    .append("</td><td>")
                    .append(Html.esc(r.id()))
                    .append("</td><td>")
                    .append(Html.esc(label(r.period())))
                    .append("</td><td class=\"num\">")
                    .append(BarChartSvg.format(r.kwh(), 2))
                    .append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%,d", r.goodUnits()))
                    .append("</td><td class=\"num\">")
                    .append(BarChartSvg.format(1000 * r.kwhPerGoodUnit(), 3))
                    .append("</td><td class=\"num\">")
                    .append(BarChartSvg.format(r.co2eLocationKg(), 2))
                    .append("</td><td class=\"num\">")
                    .append(BarChartSvg.format(r.co2eMarketKg(), 2))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void factors(StringBuilder h, List<EnergyResult> rows) {
        Set<EmissionFactors> used = new LinkedHashSet<>();
        rows.forEach(r -> r.factors().ifPresent(used::add));
        h.append("<h2>Emission factors</h2>\n<p class=\"meta\">GHG Protocol Scope 2 Guidance: location-based uses")
                .append(" the grid's average intensity, market-based the contractual instruments (or the residual")
                .append(" mix).</p>\n");
        if (used.isEmpty()) {
            h.append("<p class=\"warn\">No emission factors configured for these years: CO2e is not given.</p>\n");
            return;
        }
        h.append("<table><tr><th>year</th><th>location-based kg/kWh</th><th>market-based kg/kWh</th>")
                .append("<th>source</th></tr>\n");
        for (EmissionFactors f : used) {
            h.append("<tr><td>")
                    .append(f.year())
                    .append("</td><td class=\"num\">")
                    .append(f.locationKgPerKwh())
                    .append("</td><td class=\"num\">")
                    .append(f.marketKgPerKwh())
                    .append("</td><td>")
                    .append(Html.esc(f.source()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }
}
