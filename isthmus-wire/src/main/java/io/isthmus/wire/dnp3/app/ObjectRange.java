package io.isthmus.wire.dnp3.app;

/** The range an object header names (IEEE 1815-2012 clause 4, object headers). */
public sealed interface ObjectRange {

    /** How many objects the header names; 0 for {@link All}, which names a whole class or type. */
    long count();

    /** Inclusive start and stop indices (or virtual addresses), stop not below start. */
    record StartStop(long start, long stop) implements ObjectRange {
        public StartStop {
            if (start < 0 || stop < start) {
                throw new IllegalArgumentException("range " + start + ".." + stop + " is inverted");
            }
        }

        @Override
        public long count() {
            return stop - start + 1;
        }
    }

    /** A count of objects, each identified by its prefix or packed from index 0. */
    record Count(long count) implements ObjectRange {
        /** The counts of one octet, shared: most headers name a few points (immutable). */
        private static final Count[] SMALL = new Count[256];

        static {
            for (int n = 0; n < SMALL.length; n++) {
                SMALL[n] = new Count(n);
            }
        }

        /** The count {@code n}: a shared instance for 0 to 255, else a new one. */
        public static Count of(long n) {
            return n >= 0 && n < SMALL.length ? SMALL[(int) n] : new Count(n);
        }
    }

    /** No range field: all objects. */
    record All() implements ObjectRange {
        /** The one value there is, shared: the record has no components. */
        public static final All ALL = new All();

        @Override
        public long count() {
            return 0;
        }
    }
}
