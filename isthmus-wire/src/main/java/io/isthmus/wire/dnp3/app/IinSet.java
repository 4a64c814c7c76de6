package io.isthmus.wire.dnp3.app;

import java.util.AbstractSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * The IIN bits of one 16-bit IIN word as an immutable set in bit order, one shared instance per
 * word: an outstation reports the same few words response after response, so a fragment makes no
 * set of its own (it made three: the parsed set, its copy and the unmodifiable view).
 */
final class IinSet extends AbstractSet<Iin> {

    private static final IinSet[] SHARED = new IinSet[1 << 16];

    private final int word;
    private final Set<Iin> bits;
    private final Optional<String> problems;

    private IinSet(int word) {
        this.word = word;
        Set<Iin> set = EnumSet.noneOf(Iin.class);
        StringBuilder names = new StringBuilder();
        for (Iin i : Iin.values()) {
            if ((word & 1 << i.bit()) != 0) {
                set.add(i);
                if (i.problem()) {
                    names.append(names.isEmpty() ? "" : ",").append(i.name());
                }
            }
        }
        this.bits = Collections.unmodifiableSet(set);
        this.problems = names.isEmpty() ? Optional.empty() : Optional.of(names.toString());
    }

    /** The shared set of the bits in the IIN1 and IIN2 octets (a race only builds an equal set twice). */
    static IinSet of(int iin1, int iin2) {
        int word = (iin1 & 0xFF) | (iin2 & 0xFF) << 8;
        IinSet set = SHARED[word];
        if (set == null) {
            set = new IinSet(word);
            SHARED[word] = set;
        }
        return set;
    }

    /**
     * The names of the bits that report problems ({@link Iin#problem()}), joined with commas in bit
     * order; empty when none does.
     */
    Optional<String> problems() {
        return problems;
    }

    @Override
    public Iterator<Iin> iterator() {
        return bits.iterator();
    }

    @Override
    public int size() {
        return Integer.bitCount(word);
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof Iin i && (word & 1 << i.bit()) != 0;
    }
}
