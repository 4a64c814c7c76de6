package io.isthmus.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which sequences of one journal the historian has stored: every sequence up to {@link
 * #contiguousThrough()}, plus a few spans above it. A forwarder that sends live records ahead of a
 * backlog (the edge after an outage) makes spans above; they fold into the contiguous part once
 * the backlog catches up. Delivered strictly in order there are never spans above, and this is the
 * old "high-water mark".
 *
 * <p><b>Bounded.</b> At most {@link #MAX_SPANS} spans are kept above. A journal whose gaps are never
 * filled (a one-way transfer on a lossy link that nobody replays, a hostile or broken forwarder
 * sending sparse ids) would otherwise grow its row without end. When a new span would make one
 * more, the <em>oldest gap</em> (the sequences between {@code contiguousThrough} and the first span)
 * is given up: {@code contiguousThrough} moves to the end of the first span, so those sequences
 * count as settled and a later replay of them is skipped as already held. Nothing throws; the
 * caller learns exactly which sequences were given up from {@link #givenUp} and reports them (the
 * hub raises a {@code DATA_LOSS} event per batch that gave up any and counts them).
 *
 * @param contiguousThrough every sequence at or below it is stored or settled; -1 when none is
 *     (sequences start at 0)
 * @param above sorted, disjoint, non-adjacent spans, all starting above {@code contiguousThrough + 1}
 */
public record JournalProgress(long contiguousThrough, List<Span> above) {
    public static final JournalProgress NONE = new JournalProgress(-1, List.of());

    /**
     * At most this many spans above: a bound on what one journal's row can grow to (about 100 KB of
     * text); beyond it the oldest gaps are given up (see the class comment).
     */
    public static final int MAX_SPANS = 4096;

    /** Sequences {@code first..last}, both included. */
    public record Span(long first, long last) {
        public Span {
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("span " + first + ".." + last + " is empty or negative");
            }
        }

        boolean contains(long s) {
            return s >= first && s <= last;
        }
    }

    public JournalProgress {
        if (contiguousThrough < -1) {
            throw new IllegalArgumentException("contiguousThrough " + contiguousThrough + " is below -1 (none)");
        }
        above = List.copyOf(Objects.requireNonNull(above, "above"));
        if (above.size() > MAX_SPANS) {
            throw new IllegalArgumentException(
                    above.size() + " spans above the contiguous sequences, more than " + MAX_SPANS);
        }
        long floor = contiguousThrough + 1;
        for (Span s : above) {
            if (s.first() <= floor) {
                throw new IllegalArgumentException("span " + s + " must start above " + floor);
            }
            floor = s.last() + 1;
        }
    }

    public boolean contains(long sequence) {
        if (sequence <= contiguousThrough) {
            return true;
        }
        for (Span s : above) {
            if (s.contains(sequence)) {
                return true;
            }
        }
        return false;
    }

    /** The highest stored sequence, -1 if none. */
    public long highest() {
        return above.isEmpty() ? contiguousThrough : above.getLast().last();
    }

    /** This progress plus {@code sequence}. */
    public JournalProgress with(long sequence) {
        if (contains(sequence)) {
            return this;
        }
        List<Span> spans = new ArrayList<>(above);
        int i = 0;
        while (i < spans.size() && spans.get(i).last() < sequence) {
            i++;
        }
        spans.add(i, new Span(sequence, sequence));
        return normalized(contiguousThrough, spans);
    }

    /** This progress with every sequence up to {@code through} settled (stored, or never to come). */
    public JournalProgress settledThrough(long through) {
        return through <= contiguousThrough ? this : normalized(through, above);
    }

    private static JournalProgress normalized(long contiguous, List<Span> spans) {
        long through = contiguous;
        List<Span> merged = new ArrayList<>();
        for (Span s : spans) {
            if (s.last() <= through) {
                continue;
            }
            if (s.first() <= through + 1) {
                through = s.last();
                continue;
            }
            if (!merged.isEmpty() && merged.getLast().last() + 1 >= s.first()) {
                Span last = merged.removeLast();
                merged.add(new Span(last.first(), Math.max(last.last(), s.last())));
            } else {
                merged.add(s);
            }
        }
        while (merged.size() > MAX_SPANS) {
            through = merged.removeFirst().last(); // the oldest gap is given up, see givenUp()
        }
        long floor = through;
        return new JournalProgress(
                through, merged.stream().filter(s -> s.last() > floor).toList());
    }

    /**
     * The sequences {@code after} counts as held although {@code before} lacked them, this batch
     * did not store them ({@code stored}, sorted ascending) and the sender did not settle them
     * ({@code settledThrough}): the oldest gaps given up to stay within {@link #MAX_SPANS}. Empty
     * in every other case. Costs one pass over {@code before}'s spans and {@code stored}.
     */
    public static List<Span> givenUp(
            JournalProgress before, JournalProgress after, long[] stored, long settledThrough) {
        long s = Math.max(before.contiguousThrough, settledThrough) + 1;
        long hi = after.contiguousThrough;
        List<Span> out = new ArrayList<>();
        int b = 0;
        int i = 0;
        while (s <= hi) {
            while (b < before.above.size() && before.above.get(b).last() < s) {
                b++;
            }
            if (b < before.above.size() && before.above.get(b).contains(s)) {
                s = before.above.get(b).last() + 1;
                continue;
            }
            while (i < stored.length && stored[i] < s) {
                i++;
            }
            if (i < stored.length && stored[i] == s) {
                s++;
                continue;
            }
            long end = hi;
            if (b < before.above.size()) {
                end = Math.min(end, before.above.get(b).first() - 1);
            }
            if (i < stored.length) {
                end = Math.min(end, stored[i] - 1);
            }
            out.add(new Span(s, end));
            s = end + 1;
        }
        return out;
    }

    /** The spans above as text for storage: {@code first-last,first-last}; empty when none. */
    public String aboveText() {
        StringBuilder b = new StringBuilder();
        for (Span s : above) {
            if (!b.isEmpty()) {
                b.append(',');
            }
            b.append(s.first()).append('-').append(s.last());
        }
        return b.toString();
    }

    /** The inverse of {@link #aboveText()}. */
    public static JournalProgress of(long contiguousThrough, String aboveText) {
        List<Span> spans = new ArrayList<>();
        if (aboveText != null && !aboveText.isEmpty()) {
            for (String part : aboveText.split(",", -1)) {
                int dash = part.indexOf('-');
                if (dash <= 0) {
                    throw new IllegalArgumentException("'" + part + "' is not a span first-last");
                }
                spans.add(new Span(Long.parseLong(part.substring(0, dash)), Long.parseLong(part.substring(dash + 1))));
            }
        }
        return new JournalProgress(contiguousThrough, spans);
    }
}
