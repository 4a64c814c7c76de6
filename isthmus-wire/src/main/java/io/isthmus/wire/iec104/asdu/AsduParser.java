package io.isthmus.wire.iec104.asdu;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads an ASDU's data unit identifier (IEC 60870-5-101 clause 7.2, IEC 60870-5-104
 * field sizes) and checks that the announced number of objects fits the octets that arrived:
 * with SQ=0 every object has its own 3-octet address, with SQ=1 one address precedes all elements.
 */
public final class AsduParser {
    /** Type, variable structure qualifier, cause (2 octets) and common address (2 octets). */
    public static final int IDENTIFIER_OCTETS = 6;
    /** Octets of one information object address on IEC 60870-5-104. */
    public static final int ADDRESS_OCTETS = 3;

    private AsduParser() {}

    /**
     * @param offset absolute index of the ASDU in {@code data}; the buffer is not moved
     * @param maxObjects the largest object count accepted without a problem
     */
    public static AsduParsing parse(ByteBuffer data, int offset, int length, int maxObjects) {
        if (length < IDENTIFIER_OCTETS) {
            return new AsduParsing.Unreadable(new AsduProblem(
                    AsduError.TOO_SHORT, "ASDU of " + length + " octet(s); the identifier alone needs 6"));
        }
        int typeCode = u8(data, offset);
        int qualifier = u8(data, offset + 1);
        boolean sequence = (qualifier & 0x80) != 0;
        int count = qualifier & 0x7F;
        CauseOfTransmission cause = CauseOfTransmission.of(u8(data, offset + 2));
        TypeId type = TypeId.of(typeCode);
        List<AsduProblem> problems = new ArrayList<>();
        identifierProblems(typeCode, type, cause, count, maxObjects, problems);
        int objectOctets = length - IDENTIFIER_OCTETS;
        objectProblems(type, sequence, count, objectOctets, problems);
        OptionalLong first = objectOctets >= ADDRESS_OCTETS
                ? OptionalLong.of(u24(data, offset + IDENTIFIER_OCTETS))
                : OptionalLong.empty();
        return new AsduParsing.Parsed(new Asdu(
                typeCode,
                type,
                sequence,
                count,
                cause,
                u8(data, offset + 3),
                u8(data, offset + 4) | u8(data, offset + 5) << 8,
                first,
                problems));
    }

    private static void identifierProblems(
            int typeCode, TypeId type, CauseOfTransmission cause, int count, int maxObjects, List<AsduProblem> out) {
        if (type == TypeId.UNKNOWN) {
            out.add(new AsduProblem(AsduError.TYPE_UNKNOWN, "type identification " + typeCode + " is not defined"));
        }
        if (cause.kind() == Cause.UNKNOWN) {
            out.add(new AsduProblem(
                    AsduError.CAUSE_UNKNOWN, "cause of transmission " + cause.cause() + " is not defined"));
        }
        if (count > maxObjects) {
            out.add(new AsduProblem(
                    AsduError.TOO_MANY_OBJECTS, count + " information objects, more than the limit " + maxObjects));
        }
    }

    /** Compares the octets the objects need with those present; unknown and variable types are not checked. */
    private static void objectProblems(TypeId type, boolean sequence, int count, int present, List<AsduProblem> out) {
        if (type.elementSize() == TypeId.VARIABLE || count == 0) {
            return;
        }
        int need =
                sequence ? ADDRESS_OCTETS + count * type.elementSize() : count * (ADDRESS_OCTETS + type.elementSize());
        String detail = count + " object(s) of " + type.name() + (sequence ? " in sequence" : "") + " need " + need
                + " octets, " + present + " present";
        if (present < need) {
            out.add(new AsduProblem(AsduError.OBJECTS_TRUNCATED, detail));
        } else if (present > need) {
            out.add(new AsduProblem(AsduError.TRAILING_OCTETS, detail));
        }
    }

    private static int u8(ByteBuffer data, int index) {
        return data.get(index) & 0xFF;
    }

    private static long u24(ByteBuffer data, int index) {
        return u8(data, index) | u8(data, index + 1) << 8 | (long) u8(data, index + 2) << 16;
    }
}
