package io.isthmus.policy;

/**
 * An inclusive range of data addresses a conduit allows (Modbus register or coil numbers,
 * 0-based as on the wire; S7 byte offsets; DNP3 point indexes). An operation is inside when every
 * item it touches is: {@code [address, address + quantity - 1]}.
 */
public record AddressRange(long first, long last) {
    public AddressRange {
        if (first < 0) {
            throw new IllegalArgumentException("address range starts at " + first + "; addresses are 0 or more");
        }
        if (last < first) {
            throw new IllegalArgumentException(
                    "address range " + first + ".." + last + " ends before it starts; write first..last");
        }
    }

    /** Reads {@code 100} or {@code 0..99} (also {@code 0-99}). */
    public static AddressRange parse(String text) {
        String t = text.strip();
        int dots = t.indexOf("..");
        int sep = dots >= 0 ? dots : t.indexOf('-');
        try {
            if (sep < 0) {
                long a = Long.parseLong(t);
                return new AddressRange(a, a);
            }
            long a = Long.parseLong(t.substring(0, sep).strip());
            long b = Long.parseLong(t.substring(sep + (dots >= 0 ? 2 : 1)).strip());
            return new AddressRange(a, b);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not an address range; write a number (100) or first..last (0..99)");
        }
    }

    /** True when the {@code quantity} items from {@code address} all lie inside. */
    public boolean covers(long address, long quantity) {
        long end = address + Math.max(1, quantity) - 1;
        return address >= first && end <= last && end >= address;
    }

    public boolean overlaps(AddressRange other) {
        return first <= other.last && other.first <= last;
    }

    @Override
    public String toString() {
        return first == last ? Long.toString(first) : first + ".." + last;
    }
}
