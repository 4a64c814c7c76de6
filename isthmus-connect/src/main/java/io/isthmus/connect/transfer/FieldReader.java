package io.isthmus.connect.transfer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Big-endian reads over a byte array that check every length against the bytes left before they
 * allocate; a failure is a {@link Bad} carrying the error and offset, which the codecs turn into a
 * {@link TransferDecoding.Malformed}. Never escapes the package.
 */
final class FieldReader {
    private final ByteBuffer in;

    FieldReader(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes);
    }

    /** A decoding failure inside this package; carries no stack trace, it is a value in disguise. */
    static final class Bad extends Exception {
        final TransferError error;
        final int offset;

        Bad(TransferError error, int offset, String detail) {
            super(detail, null, false, false);
            this.error = error;
            this.offset = offset;
        }
    }

    int position() {
        return in.position();
    }

    int remaining() {
        return in.remaining();
    }

    private void need(int n) throws Bad {
        if (in.remaining() < n) {
            throw new Bad(TransferError.TRUNCATED, in.position(), n + " byte(s) needed, " + in.remaining() + " left");
        }
    }

    int u8() throws Bad {
        need(1);
        return in.get() & 0xFF;
    }

    int u16() throws Bad {
        need(2);
        return in.getShort() & 0xFFFF;
    }

    long u32() throws Bad {
        need(4);
        return in.getInt() & 0xFFFF_FFFFL;
    }

    long i64() throws Bad {
        need(8);
        return in.getLong();
    }

    byte[] bytes(int n) throws Bad {
        need(n);
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    /** A u16-length-prefixed UTF-8 string of at most {@code max} bytes. */
    String text(int max) throws Bad {
        int at = in.position();
        int n = u16();
        if (n > max || n > in.remaining()) {
            throw new Bad(
                    TransferError.EXCEEDS_LIMIT,
                    at,
                    "text of " + n + " bytes, at most " + max + " and " + in.remaining() + " left");
        }
        byte[] b = bytes(n);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Bad(TransferError.BAD_FIELD, at, "text is not UTF-8");
        }
    }

    /** Microseconds since the epoch. */
    Instant micros() throws Bad {
        int at = in.position();
        long us = i64();
        try {
            return Instant.EPOCH
                    .plusSeconds(Math.floorDiv(us, 1_000_000L))
                    .plusNanos(Math.floorMod(us, 1_000_000L) * 1000);
        } catch (RuntimeException e) {
            throw new Bad(TransferError.TIME_OUT_OF_RANGE, at, us + " microseconds");
        }
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }
}
