package io.isthmus.store.duckdb;

import io.isthmus.model.TagPath;
import io.isthmus.store.HistorianException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Reads one tag's samples in {@code [from, to)} from its blocks, decoded in Java and merged in
 * {@code (time, seq, position)} order: oldest first, equal times in arrival order. A block that does
 * not decode is a {@link HistorianException} naming the tag and the block.
 */
final class BlockReader {
    private final BlockCodec codec = new BlockCodec(BlockLimits.DEFAULT);

    /**
     * The samples, at least the first {@code limit + 1} of the range in order when there are that
     * many (blocks are read by their oldest time and reading stops once no later block can hold an
     * earlier sample), all of them with {@code limit} {@link Integer#MAX_VALUE}.
     */
    BlockColumns read(Connection conn, int id, TagPath path, long from, long to, int limit) throws SQLException {
        String sql = "SELECT seq, t_min, data FROM blocks WHERE kind = " + BlockSchema.SAMPLES
                + " AND tag = ? AND t_max >= ? AND t_min < ? ORDER BY t_min, seq";
        Merge m = new Merge();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setInt(1, id);
            ps.setLong(2, from);
            ps.setLong(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (m.size > limit && rs.getLong(2) > m.maxT) {
                        break;
                    }
                    long seq = rs.getLong(1);
                    m.add(decode(path, seq, rs.getBytes(3)), seq, from, to);
                }
            }
        }
        return m.sorted();
    }

    BlockColumns decode(TagPath path, long seq, byte[] data) {
        try {
            return codec.decode(data);
        } catch (BlockFormatException e) {
            throw new HistorianException("block " + seq + " of tag " + path + " is corrupt: " + e.getMessage(), e);
        }
    }

    /** The samples of the blocks read so far that fall in the range, with their sort keys. */
    private static final class Merge {
        BlockColumns[] parts = new BlockColumns[8];
        int[][] rowsOf = new int[8][];
        long[] seqOf = new long[8];
        int partCount;
        int size;
        long maxT = Long.MIN_VALUE;

        void add(BlockColumns c, long seq, long from, long to) {
            int[] rows = IntStream.range(0, c.size)
                    .filter(i -> c.t[i] >= from && c.t[i] < to)
                    .toArray();
            if (partCount == parts.length) {
                parts = Arrays.copyOf(parts, partCount * 2);
                rowsOf = Arrays.copyOf(rowsOf, partCount * 2);
                seqOf = Arrays.copyOf(seqOf, partCount * 2);
            }
            parts[partCount] = c;
            rowsOf[partCount] = rows;
            seqOf[partCount++] = seq;
            size += rows.length;
            for (int r : rows) {
                maxT = Math.max(maxT, c.t[r]);
            }
        }

        BlockColumns sorted() {
            int[] part = new int[size];
            int[] row = new int[size];
            int k = 0;
            for (int p = 0; p < partCount; p++) {
                for (int r : rowsOf[p]) {
                    part[k] = p;
                    row[k++] = r;
                }
            }
            Integer[] order = null;
            if (!inOrder(part, row)) {
                order = IntStream.range(0, size).boxed().toArray(Integer[]::new);
                Arrays.sort(
                        order,
                        Comparator.<Integer>comparingLong(i -> parts[part[i]].t[row[i]])
                                .thenComparingLong(i -> seqOf[part[i]])
                                .thenComparingInt(i -> row[i]));
            }
            BlockColumns out = new BlockColumns(size);
            for (int i = 0; i < size; i++) {
                int j = order == null ? i : order[i];
                copy(parts[part[j]], row[j], out, i);
            }
            return out;
        }

        private boolean inOrder(int[] part, int[] row) {
            for (int i = 1; i < size; i++) {
                long a = parts[part[i - 1]].t[row[i - 1]];
                long b = parts[part[i]].t[row[i]];
                if (a > b || (a == b && seqOf[part[i - 1]] > seqOf[part[i]])) {
                    return false;
                }
            }
            return true;
        }

        private static void copy(BlockColumns src, int r, BlockColumns dst, int i) {
            dst.t[i] = src.t[r];
            dst.quality[i] = src.quality[r];
            dst.kind[i] = src.kind[r];
            dst.num[i] = src.num[r];
            dst.ival[i] = src.ival[r];
            if (src.hasText() && src.text[r] != null) {
                dst.text(i, src.text[r]);
            }
        }
    }
}
