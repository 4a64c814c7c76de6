package io.isthmus.wire;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A message's attribute list that is produced only when it is read: the dissector keeps the
 * decoded message (immutable), and {@link #writeTo} describes it to an {@link AttributeSink}.
 * The JSON writer calls {@link #writeTo} directly (no {@link Attribute} or value {@code String} per
 * attribute); readers of the {@link List} view get the same attributes, built on first use and
 * kept.
 *
 * <p>Threads: the dissecting thread creates an instance and hands it to others (in {@code analyze},
 * the background JSON writer) through a safe publication such as a queue; from then on any number of threads may
 * call {@link #writeTo}, {@link #get} and {@link #size} at once. For that, subclasses hold only
 * immutable state set in their constructor, and {@link #writeTo} must describe the same attributes
 * on every call. The list view is built at most once per racing reader (each build equal to the
 * others) and published through a {@code volatile} field, so a reader sees a complete list whatever
 * list implementation holds it.
 */
public abstract class LazyAttributes extends AbstractList<Attribute> implements RandomAccess {

    /**
     * Built on first read; {@code volatile} so the list's contents are published with it (a race only
     * builds an equal list twice). The JSON writer does not read it: it calls {@link #writeTo}.
     */
    private volatile List<Attribute> built;

    /** Describes every attribute, in order, to {@code sink}. */
    public abstract void writeTo(AttributeSink sink);

    @Override
    public Attribute get(int index) {
        return list().get(index);
    }

    @Override
    public int size() {
        return list().size();
    }

    private List<Attribute> list() {
        List<Attribute> l = built;
        if (l == null) {
            Collector c = new Collector();
            writeTo(c);
            l = c.finish();
            built = l;
        }
        return l;
    }

    /** Collects attributes as objects: what {@link LazyAttributes#get} reads. */
    private static final class Collector implements AttributeSink {
        private final List<Attribute> out = new ArrayList<>();
        private final ValueText value = new ValueText(32);
        private String name;

        @Override
        public void name(String n) {
            close();
            name = n;
        }

        @Override
        public void text(String s) {
            value.text(s);
        }

        @Override
        public void hex(long v, int digits) {
            value.hex(v, digits);
        }

        @Override
        public void decimal(long v) {
            value.decimal(v);
        }

        private void close() {
            if (name != null) {
                out.add(new Attribute(name, value.toString()));
                value.clear();
            }
        }

        List<Attribute> finish() {
            close();
            return List.copyOf(out);
        }
    }
}
