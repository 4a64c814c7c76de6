package io.isthmus.store.bench;

import io.isthmus.store.duckdb.BlobLayoutProbe;
import java.nio.file.Path;
import org.duckdb.DuckDBConnection;

/**
 * The candidate layout measured before the historian adopted it: DuckDB with one BLOB per tag and
 * append in the historian's own block encoding, minute partials and a journal mark per append
 * ({@link BlobLayoutProbe}).
 */
final class BlobCandidate implements Candidate {
    private final BlobLayoutProbe probe;

    BlobCandidate(Path dir) throws Exception {
        probe = new BlobLayoutProbe(dir, 4096);
    }

    @Override
    public String name() {
        return "DuckDB blob blocks";
    }

    @Override
    public Class<?> engineClass() {
        return DuckDBConnection.class;
    }

    @Override
    public void ingest(BenchData.Batch b) throws Exception {
        probe.ingest(b.tag, b.tsMicros, b.value, b.size);
    }

    @Override
    public long averagePerMinute(long from, long to, double[] checksum) throws Exception {
        return probe.averagePerMinute(from, to, checksum);
    }

    @Override
    public long timeWeightedPerMinute(long from, long to, double[] checksum) throws Exception {
        return probe.timeWeightedPerMinute(from, to, checksum);
    }

    @Override
    public long rawRange(int tag, long from, long to) throws Exception {
        return probe.rawRange(tag, from, to);
    }

    @Override
    public void close() throws Exception {
        probe.close();
    }
}
