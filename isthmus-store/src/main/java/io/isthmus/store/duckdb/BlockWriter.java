package io.isthmus.store.duckdb;

import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.store.JournalId;
import io.isthmus.store.JournalProgress;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes one append of the block layout as one transaction with one appender flush: each tag's
 * samples as blocks, the minute partials, and the journal mark, all rows of {@code blocks}; a
 * {@code tags} row only for a new tag and a {@code journals} row only for a new journal. The caller
 * holds the writer lock. Tag state and journal progress are published after the commit.
 */
final class BlockWriter {
    /** Samples per block: a few hundred keep a block under about 4 KB (see docs/historian.md). */
    static final int MAX_BLOCK_SAMPLES = 360;

    /** Above this a block of more than one sample is split in two. */
    static final int MAX_BLOCK_BYTES = 4000;

    private final DuckDBConnection conn;
    private final TagDirectory tags;
    private final BlockJournals journals;
    private final Runnable beforeCommit;
    private final BlockCodec codec = new BlockCodec(BlockLimits.DEFAULT);
    private final TagIdCache ids;
    private long nextSeq;

    BlockWriter(DuckDBConnection conn, TagDirectory tags, BlockJournals journals, long nextSeq, Runnable beforeCommit) {
        this.conn = conn;
        this.tags = tags;
        this.journals = journals;
        this.nextSeq = nextSeq;
        this.beforeCommit = beforeCommit;
        this.ids = new TagIdCache(tags);
    }

    /** One row of {@code blocks}, ready to append. */
    record Row(int kind, int tag, long tMin, long tMax, int n, byte[] data) {}

    /** Stores {@code samples} and the optional mark atomically. */
    void write(List<Sample> samples, Optional<JournalId> journal, JournalProgress progress) throws SQLException {
        int firstReserved = tags.nextId();
        Map<TagPath, Integer> newIds = new LinkedHashMap<>();
        Map<Integer, TagState> changed = new HashMap<>();
        List<Row> rows = encode(samples, newIds, changed);
        Optional<Integer> newJournal = Optional.empty();
        if (journal.isPresent()) {
            Optional<Integer> jid = journals.id(journal.get());
            int id = jid.orElseGet(journals::nextId);
            if (jid.isEmpty()) {
                newJournal = Optional.of(id);
            }
            rows.add(new Row(BlockSchema.MARK, id, 0, 0, 0, BlockJournals.markText(progress)));
        }
        long seqBefore = nextSeq;
        Optional<Integer> jid = newJournal;
        Transaction.run(
                conn,
                () -> {
                    insertTags(newIds);
                    if (jid.isPresent()) {
                        insertJournal(jid.get(), journal.get());
                    }
                    appendRows(rows);
                    beforeCommit.run();
                    return null;
                },
                () -> {
                    tags.rollback(firstReserved);
                    nextSeq = seqBefore;
                });
        tags.publish(newIds, changed);
        if (journal.isPresent()) {
            journals.advance(journal.get(), newJournal, progress);
        }
    }

    private void appendRows(List<Row> rows) throws SQLException {
        try (DuckDBAppender app = conn.createAppender("blocks")) {
            for (Row r : rows) {
                app.beginRow()
                        .append((byte) r.kind())
                        .append(r.tag())
                        .append(nextSeq++)
                        .append(r.tMin())
                        .append(r.tMax())
                        .append(r.n())
                        .append(r.data())
                        .endRow();
            }
        }
    }

    private List<Row> encode(List<Sample> samples, Map<TagPath, Integer> newIds, Map<Integer, TagState> changed) {
        int n = samples.size();
        List<Row> rows = new ArrayList<>();
        if (n == 0) {
            return rows;
        }
        int[] id = new int[n];
        BlockColumns c = new BlockColumns(n);
        for (int i = 0; i < n; i++) {
            Sample s = samples.get(i);
            id[i] = ids.id(s.path(), newIds);
            c.set(i, Micros.of(s.sourceTime()), s);
        }
        int[] order = byTag(id, tags.nextId());
        MinuteRollup rollup = new MinuteRollup();
        int slot = 0;
        for (int from = 0; from < n; ) {
            int tag = id[order[from]];
            int to = from;
            while (to < n && id[order[to]] == tag) {
                int row = order[to];
                if (c.usable(row)) {
                    rollup.add(slot, tag, c.t[row], c.num[row]);
                }
                to++;
            }
            for (int b = from; b < to; b += MAX_BLOCK_SAMPLES) {
                addBlocks(rows, c, order, tag, b, Math.min(MAX_BLOCK_SAMPLES, to - b));
            }
            changed.put(tag, state(tag, c, order, from, to, samples));
            slot++;
            from = to;
        }
        List<MinuteRollup.Partial> ps = rollup.partials();
        for (int i = 0; i < ps.size(); i += PartialsCodec.PER_ROW) {
            int end = Math.min(ps.size(), i + PartialsCodec.PER_ROW);
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (int k = i; k < end; k++) {
                lo = Math.min(lo, ps.get(k).minute);
                hi = Math.max(hi, ps.get(k).minute);
            }
            rows.add(new Row(BlockSchema.PARTIALS, -1, lo, hi, end - i, PartialsCodec.encode(ps, i, end)));
        }
        return rows;
    }

    /** Encodes rows {@code order[from .. from+n)} as one block, or two halves when it is too big. */
    private void addBlocks(List<Row> rows, BlockColumns c, int[] order, int tag, int from, int n) {
        byte[] data = codec.encode(c, order, from, n);
        if (data.length > MAX_BLOCK_BYTES && n > 1) {
            addBlocks(rows, c, order, tag, from, n / 2);
            addBlocks(rows, c, order, tag, from + n / 2, n - n / 2);
            return;
        }
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int k = from; k < from + n; k++) {
            lo = Math.min(lo, c.t[order[k]]);
            hi = Math.max(hi, c.t[order[k]]);
        }
        rows.add(new Row(BlockSchema.SAMPLES, tag, lo, hi, n, data));
    }

    /** The tag's state with this append's samples {@code order[from .. to)} folded in. */
    private TagState state(int tag, BlockColumns c, int[] order, int from, int to, List<Sample> samples) {
        long lo = Long.MAX_VALUE;
        int newest = order[from];
        for (int k = from; k < to; k++) {
            int r = order[k];
            lo = Math.min(lo, c.t[r]);
            if (c.t[r] >= c.t[newest]) {
                newest = r;
            }
        }
        Sample latest = samples.get(newest);
        TagState mine = new TagState(tag, lo, c.t[newest], c.sample(latest.path(), newest));
        return tags.state(tag).map(s -> s.merge(mine)).orElse(mine);
    }

    /** Row numbers grouped by tag id, arrival order kept within a tag (a counting sort). */
    private static int[] byTag(int[] id, int ids) {
        int[] start = new int[ids + 1];
        for (int v : id) {
            start[v + 1]++;
        }
        for (int k = 1; k < start.length; k++) {
            start[k] += start[k - 1];
        }
        int[] order = new int[id.length];
        for (int i = 0; i < id.length; i++) {
            order[start[id[i]]++] = i;
        }
        return order;
    }

    private void insertTags(Map<TagPath, Integer> newIds) throws SQLException {
        if (newIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO tags VALUES (?, ?)")) {
            for (Map.Entry<TagPath, Integer> e : newIds.entrySet()) {
                ps.setInt(1, e.getValue());
                ps.setString(2, e.getKey().toString());
                ps.executeUpdate();
            }
        }
    }

    private void insertJournal(int id, JournalId journal) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO journals VALUES (?, ?, -1, '')")) {
            ps.setInt(1, id);
            ps.setString(2, journal.name());
            ps.executeUpdate();
        }
    }
}
