package io.isthmus.model;

import java.util.HexFormat;
import java.util.Objects;

/**
 * An IEEE 802 48-bit MAC address (EUI-48), held as its value in the low 48 bits of a long so that
 * equality, hashing and sorting are those of the number.
 *
 * <p>Inventory keys assets by MAC where the IP is not stable and looks vendors up by {@link #oui()}.
 */
public record MacAddress(long value) implements Comparable<MacAddress> {

    private static final long MASK = 0xFFFF_FFFF_FFFFL;
    private static final int OCTETS = 6;

    public MacAddress {
        if ((value & ~MASK) != 0) {
            throw new IllegalArgumentException(
                    "MAC address value 0x" + Long.toHexString(value) + " does not fit in 48 bits");
        }
    }

    /** The address from its six octets in transmission order, as they appear in a frame header. */
    public static MacAddress of(byte[] octets) {
        Objects.requireNonNull(octets, "octets");
        if (octets.length != OCTETS) {
            throw new IllegalArgumentException("a MAC address has 6 octets, got " + octets.length);
        }
        long v = 0;
        for (byte b : octets) {
            v = (v << 8) | (b & 0xFF);
        }
        return new MacAddress(v);
    }

    /**
     * Parses six two-digit hex octets separated by {@code :} or {@code -} (IEEE 802 canonical form),
     * one separator throughout, either case: {@code 00:1b:1b:aa:bb:cc}, {@code 00-1B-1B-AA-BB-CC}.
     */
    public static MacAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            throw error(String.valueOf(text), 0, "is empty; expected six hex octets such as 00:1b:1b:aa:bb:cc");
        }
        char separator = 0;
        long v = 0;
        for (int octet = 0; octet < OCTETS; octet++) {
            int at = octet * 3;
            v = (v << 8) | hexOctet(text, at, octet);
            if (octet == OCTETS - 1) {
                break;
            }
            if (at + 2 >= text.length()) {
                throw error(text, text.length(), "ends after " + (octet + 1) + " octet(s); expected 6");
            }
            char c = text.charAt(at + 2);
            if (octet == 0 && c != ':' && c != '-') {
                throw error(text, 2, "has '" + c + "' after the first octet; separate octets with ':' or '-'");
            }
            if (octet == 0) {
                separator = c;
            } else if (c != separator) {
                throw error(
                        text,
                        at + 2,
                        "has '" + c + "' where the separator '" + separator
                                + "' belongs; use one separator throughout");
            }
        }
        if (text.length() > OCTETS * 3 - 1) {
            throw error(text, OCTETS * 3 - 1, "has extra characters after the sixth octet");
        }
        return new MacAddress(v);
    }

    private static int hexOctet(String text, int at, int octet) {
        for (int i = at; i < at + 2; i++) {
            if (i >= text.length()) {
                throw error(text, i, "octet " + (octet + 1) + " is cut short; each octet has two hex digits");
            }
            if (Character.digit(text.charAt(i), 16) < 0 || text.charAt(i) > 'f') {
                throw error(
                        text, i, "octet " + (octet + 1) + " has '" + text.charAt(i) + "', which is not a hex digit");
            }
        }
        return Integer.parseInt(text, at, at + 2, 16);
    }

    private static IllegalArgumentException error(String text, int offset, String reason) {
        return new IllegalArgumentException("invalid MAC address '" + text + "' at offset " + offset + ": " + reason);
    }

    /** The six octets in transmission order; a fresh array each call. */
    public byte[] octets() {
        byte[] b = new byte[OCTETS];
        for (int i = 0; i < OCTETS; i++) {
            b[i] = (byte) (value >>> (8 * (OCTETS - 1 - i)));
        }
        return b;
    }

    /** The Organizationally Unique Identifier: the first three octets, as assigned by the IEEE RA. */
    public int oui() {
        return (int) (value >>> 24);
    }

    /** The I/G bit (IEEE 802-2014, 8.2): group addresses, including broadcast, are never a device. */
    public boolean isMulticast() {
        return (value & (1L << 40)) != 0;
    }

    /** The U/L bit: locally administered (often randomised) addresses carry no vendor OUI. */
    public boolean isLocallyAdministered() {
        return (value & (1L << 41)) != 0;
    }

    @Override
    public int compareTo(MacAddress other) {
        return Long.compare(value, other.value);
    }

    /** Lower-case, colon separated: {@code 00:1b:1b:aa:bb:cc}. */
    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(octets());
    }
}
