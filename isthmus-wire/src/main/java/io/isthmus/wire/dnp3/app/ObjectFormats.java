package io.isthmus.wire.dnp3.app;

/**
 * Sizes of the common groups and variations of the DNP3 object library (IEEE 1815-2012 Annex A),
 * so a sensor can step over object data to the next header. Variable-size objects (files,
 * authentication, data sets) travel with size prefixes and need no entry here.
 */
public final class ObjectFormats {
    private static final ObjectFormat UNKNOWN = new ObjectFormat.Unknown();
    private static final ObjectFormat BIT = new ObjectFormat.Packed(1);
    private static final ObjectFormat DOUBLE_BIT = new ObjectFormat.Packed(2);
    private static final ObjectFormat DEVICE_ATTRIBUTE = new ObjectFormat.DeviceAttribute();
    static final ObjectFormat EMPTY = new ObjectFormat.Empty();

    /**
     * One shared {@link ObjectFormat.Fixed} per size (immutable values; sizes are below 256: the
     * table's and the variation of groups 110..113), so a walk makes none per object header.
     */
    private static final ObjectFormat[] FIXED_BY_OCTETS = new ObjectFormat[256];

    static {
        for (int octets = 0; octets < FIXED_BY_OCTETS.length; octets++) {
            FIXED_BY_OCTETS[octets] = new ObjectFormat.Fixed(octets);
        }
    }

    /** Octets per object by group, indexed by variation - 1; 0 marks a hole. */
    private static final int[][] FIXED = fixedTable();

    private ObjectFormats() {}

    public static ObjectFormat of(int group, int variation) {
        if (variation == 0) {
            return UNKNOWN;
        }
        return switch (group) {
            case 0 -> DEVICE_ATTRIBUTE;
            case 1, 10, 80 -> variation == 1 ? BIT : fixed(group, variation);
            case 3 -> variation == 1 ? DOUBLE_BIT : fixed(group, variation);
            case 12 -> variation == 3 ? BIT : fixed(group, variation);
            case 60 -> variation <= 4 ? EMPTY : UNKNOWN;
            case 110, 111, 112, 113 -> fixedOf(variation);
            default -> fixed(group, variation);
        };
    }

    private static ObjectFormat fixed(int group, int variation) {
        if (group >= FIXED.length || FIXED[group] == null || variation > FIXED[group].length) {
            return UNKNOWN;
        }
        int octets = FIXED[group][variation - 1];
        return octets == 0 ? UNKNOWN : fixedOf(octets);
    }

    private static ObjectFormat fixedOf(int octets) {
        return octets >= 0 && octets < FIXED_BY_OCTETS.length
                ? FIXED_BY_OCTETS[octets]
                : new ObjectFormat.Fixed(octets);
    }

    private static int[][] fixedTable() {
        int[][] t = new int[123][];
        t[1] = new int[] {0, 1}; // binary input: packed, with flags
        t[2] = new int[] {1, 7, 3}; // binary input event: no time, absolute, relative time
        t[3] = new int[] {0, 1}; // double-bit binary input
        t[4] = new int[] {1, 7, 3}; // double-bit binary input event
        t[10] = new int[] {0, 1}; // binary output status
        t[11] = new int[] {1, 7}; // binary output event
        t[12] = new int[] {11, 11}; // CROB, pattern control block
        t[13] = new int[] {1, 7}; // binary output command event
        t[20] = new int[] {5, 3, 5, 3, 4, 2, 4, 2}; // counters
        t[21] = new int[] {5, 3, 5, 3, 11, 9, 11, 9, 4, 2, 4, 2}; // frozen counters
        t[22] = new int[] {5, 3, 5, 3, 11, 9, 11, 9}; // counter events
        t[23] = new int[] {5, 3, 5, 3, 11, 9, 11, 9}; // frozen counter events
        t[30] = new int[] {5, 3, 4, 2, 5, 9}; // analog inputs
        t[31] = new int[] {5, 3, 11, 9, 4, 2, 5, 9}; // frozen analog inputs
        t[32] = new int[] {5, 3, 11, 9, 5, 9, 11, 15}; // analog input events
        t[33] = new int[] {5, 3, 11, 9, 5, 9, 11, 15}; // frozen analog input events
        t[34] = new int[] {2, 4, 4}; // analog input deadbands
        t[40] = new int[] {5, 3, 5, 9}; // analog output status
        t[41] = new int[] {5, 3, 5, 9}; // analog output blocks
        t[42] = new int[] {5, 3, 11, 9, 5, 9, 11, 15}; // analog output events
        t[43] = new int[] {5, 3, 11, 9, 5, 9, 11, 15}; // analog output command events
        t[50] = new int[] {6, 10, 6, 11}; // time and date
        t[51] = new int[] {6, 6}; // common time of occurrence
        t[52] = new int[] {2, 2}; // time delay coarse, fine
        t[80] = new int[] {0}; // internal indications: packed
        t[101] = new int[] {2, 4, 8}; // binary-coded decimal integers
        t[102] = new int[] {1}; // unsigned 8-bit integer
        t[120] = new int[] {0, 0, 6, 2}; // authentication: aggressive mode request, key status request
        t[121] = new int[] {7}; // security statistic
        t[122] = new int[] {7, 13}; // security statistic event
        return t;
    }
}
