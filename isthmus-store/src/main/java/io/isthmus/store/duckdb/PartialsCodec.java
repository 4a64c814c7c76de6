package io.isthmus.store.duckdb;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The encoding of a {@link BlockSchema#PARTIALS} row: minute partials as fixed records (tag int,
 * minute, n, total, lo, hi, last time, last value; little-endian) and a CRC-32C. Pure.
 */
final class PartialsCodec {
    static final int RECORD_BYTES = 4 + 8 * 7;

    /** Partials per row: keeps a row under 4 KB, where DuckDB stores BLOBs compactly. */
    static final int PER_ROW = 4000 / RECORD_BYTES;

    private PartialsCodec() {}

    static byte[] encode(List<MinuteRollup.Partial> ps, int from, int to) {
        ByteBuffer b = ByteBuffer.allocate((to - from) * RECORD_BYTES + 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = from; i < to; i++) {
            MinuteRollup.Partial p = ps.get(i);
            b.putInt(p.tag)
                    .putLong(p.minute)
                    .putLong(p.n)
                    .putDouble(p.total)
                    .putDouble(p.lo)
                    .putDouble(p.hi);
            b.putLong(p.lastT).putDouble(p.lastV);
        }
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.array();
    }

    static List<MinuteRollup.Partial> decode(byte[] data) throws BlockFormatException {
        int body = data.length - 4;
        if (body < 0 || body % RECORD_BYTES != 0) {
            throw new BlockFormatException("a partials block of " + data.length + " bytes is not whole records", 0);
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        CRC32C crc = new CRC32C();
        crc.update(data, 0, body);
        if (b.getInt(body) != (int) crc.getValue()) {
            throw new BlockFormatException("checksum mismatch (the block is corrupt)", body);
        }
        List<MinuteRollup.Partial> out = new ArrayList<>(body / RECORD_BYTES);
        while (b.position() < body) {
            MinuteRollup.Partial p = new MinuteRollup.Partial(b.getInt(), b.getLong());
            p.n = b.getLong();
            p.total = b.getDouble();
            p.lo = b.getDouble();
            p.hi = b.getDouble();
            p.lastT = b.getLong();
            p.lastV = b.getDouble();
            out.add(p);
        }
        return out;
    }
}
