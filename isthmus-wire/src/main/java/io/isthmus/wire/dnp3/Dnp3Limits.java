package io.isthmus.wire.dnp3;

/**
 * Every bound on what a DNP3 peer can make the sensor hold or walk, in one place (STYLE.md habit
 * 5). Link frames need no entry: their length octet caps a frame at 292 octets.
 *
 * @param maxFragmentSize octets of one reassembled application fragment; 2048 is the usual
 *     maximum fragment size of DNP3 devices (IEEE 1815-2012 clause 4 lets each declare its own)
 * @param maxSegmentsPerFragment transport segments one fragment may take; the 6-bit transport
 *     sequence wraps after 63, so more segments are an anomaly
 * @param maxReassemblies fragments assembled at once per flow direction (one per address pair)
 * @param maxObjectHeaders object headers read per fragment
 * @param maxPointsPerHeader the largest range or count one object header may name
 */
public record Dnp3Limits(
        int maxFragmentSize,
        int maxSegmentsPerFragment,
        int maxReassemblies,
        int maxObjectHeaders,
        long maxPointsPerHeader) {

    public static final Dnp3Limits DEFAULT = new Dnp3Limits(2048, 63, 16, 256, 65_536);

    public Dnp3Limits {
        check("maxFragmentSize", maxFragmentSize, 4, 1 << 20);
        check("maxSegmentsPerFragment", maxSegmentsPerFragment, 1, 1 << 16);
        check("maxReassemblies", maxReassemblies, 1, 1024);
        check("maxObjectHeaders", maxObjectHeaders, 1, 1 << 16);
        check("maxPointsPerHeader", maxPointsPerHeader, 1, 1L << 32);
    }

    private static void check(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
    }
}
