package io.isthmus.insight.rul;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the C-MAPSS text layout: one cycle per line, 26 numbers separated by spaces (unit, cycle,
 * 3 operational settings, 21 sensors), and the RUL files with one whole number per line. Pure:
 * text in, records out, or a {@link CmapssFormatException} naming the line.
 */
public final class CmapssFormat {
    static final int COLUMNS = 2 + EngineCycle.SETTINGS + EngineCycle.SENSORS;
    /** Plain decimals with an optional exponent; no NaN, Infinity, hex or type suffixes. */
    private static final Pattern DECIMAL =
            Pattern.compile("[-+]?(\\d{1,40}\\.?\\d{0,40}|\\.\\d{1,40})([eE][-+]?\\d{1,3})?");

    private CmapssFormat() {}

    /** The cycles of a {@code train_FDxxx.txt} or {@code test_FDxxx.txt} file. */
    public static List<EngineCycle> parseCycles(CharSequence text, CmapssLimits limits) {
        List<EngineCycle> rows = new ArrayList<>();
        forEachLine(text, limits, (number, line) -> {
            if (rows.size() >= limits.maxRows()) {
                throw new CmapssFormatException(number, "more than " + limits.maxRows() + " rows");
            }
            rows.add(parseCycle(number, line, limits));
        });
        return rows;
    }

    /** The true remaining useful lives of an {@code RUL_FDxxx.txt} file, one per test engine in order. */
    public static List<Integer> parseRul(CharSequence text, CmapssLimits limits) {
        List<Integer> out = new ArrayList<>();
        forEachLine(text, limits, (number, line) -> {
            if (out.size() >= limits.maxUnit()) {
                throw new CmapssFormatException(number, "more than " + limits.maxUnit() + " engines");
            }
            String[] fields = line.split(" +");
            if (fields.length != 1) {
                throw new CmapssFormatException(number, "expected one number, found " + fields.length);
            }
            out.add((int) whole(number, fields[0], "RUL", 0, limits.maxCycle()));
        });
        return out;
    }

    private interface LineConsumer {
        void accept(int number, String line);
    }

    private static void forEachLine(CharSequence text, CmapssLimits limits, LineConsumer consumer) {
        int number = 0;
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = start;
            while (end < n && text.charAt(end) != '\n') {
                end++;
            }
            number++;
            if (end - start > limits.maxLineLength()) {
                throw new CmapssFormatException(
                        number, "longer than " + limits.maxLineLength() + " characters (" + (end - start) + ")");
            }
            String line = text.subSequence(start, end).toString().strip();
            if (!line.isEmpty()) {
                consumer.accept(number, line);
            }
            start = end + 1;
        }
    }

    private static EngineCycle parseCycle(int number, String line, CmapssLimits limits) {
        String[] fields = line.split("[ \t]+");
        if (fields.length != COLUMNS) {
            throw new CmapssFormatException(number, "expected " + COLUMNS + " columns, found " + fields.length);
        }
        int unit = (int) whole(number, fields[0], "unit", 1, limits.maxUnit());
        int cycle = (int) whole(number, fields[1], "cycle", 1, limits.maxCycle());
        double[] settings = new double[EngineCycle.SETTINGS];
        for (int i = 0; i < settings.length; i++) {
            settings[i] = real(number, fields[2 + i], "setting " + (i + 1));
        }
        double[] sensors = new double[EngineCycle.SENSORS];
        for (int i = 0; i < sensors.length; i++) {
            sensors[i] = real(number, fields[2 + EngineCycle.SETTINGS + i], "sensor " + (i + 1));
        }
        return new EngineCycle(unit, cycle, settings, sensors);
    }

    private static long whole(int number, String field, String what, long min, long max) {
        double v = real(number, field, what);
        if (v != Math.rint(v) || v < min || v > max) {
            throw new CmapssFormatException(
                    number, what + " must be a whole number from " + min + " to " + max + ", was '" + field + "'");
        }
        return (long) v;
    }

    private static double real(int number, String field, String what) {
        if (!DECIMAL.matcher(field).matches()) {
            throw new CmapssFormatException(number, what + " is not a decimal number: '" + shorten(field) + "'");
        }
        double v = Double.parseDouble(field);
        if (!Double.isFinite(v)) {
            throw new CmapssFormatException(number, what + " is out of range: '" + shorten(field) + "'");
        }
        return v;
    }

    private static String shorten(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32) + "…";
    }
}
