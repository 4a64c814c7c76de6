package io.isthmus.store;

import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Time series storage for process data: raw samples with their quality, the latest value per tag,
 * ranges, aggregates per interval, retention and export.
 *
 * <p>Times are source times at microsecond resolution (finer parts are cut off). Values keep their
 * type (bool, int, real, text) and quality through storage. Implementations are safe for use by
 * many threads: appends are serialized, reads run concurrently with them and see only whole
 * appends. After {@link #close()} every method throws {@link IllegalStateException}. Storage
 * failures are {@link HistorianException}s; refused queries are {@link InvalidQueryException}s.
 */
public interface Historian extends AutoCloseable {

    /** Stores samples as they are, in one transaction. */
    AppendResult append(List<Sample> samples);

    /**
     * Stores the records of a journal batch whose sequence it has not stored yet, skips the others,
     * and stores the journal's new {@link JournalProgress}, all in one transaction: exactly-once
     * delivery from a journal that redelivers after a lost acknowledgement, in order or with live
     * records sent ahead of a backlog (see {@link JournalBatch#settledThrough()}).
     */
    AppendResult append(JournalBatch batch);

    /** One journal record: {@code samples} under {@code sequence}. */
    default AppendResult append(JournalId journal, long sequence, List<Sample> samples) {
        return append(JournalBatch.of(journal, sequence, samples));
    }

    /** The highest sequence stored for {@code journal}, empty before its first append. */
    OptionalLong journalPosition(JournalId journal);

    /** Every sequence stored for {@code journal}; {@link JournalProgress#NONE} before its first append. */
    JournalProgress journalProgress(JournalId journal);

    /** The sample of {@code tag} with the newest source time, whatever its quality. */
    Optional<Sample> latest(TagPath tag);

    /** The latest sample of every tag under {@code prefix}, ordered by path. */
    List<Sample> latest(TagPrefix prefix);

    /** Raw samples of one tag, oldest first. */
    RangeResult range(RangeQuery query);

    default RangeResult range(TagPath tag, Instant from, Instant to, int limit) {
        return range(RangeQuery.of(tag, from, to, limit));
    }

    /** One series per requested tag, in the order asked. See {@link Aggregate} for the rules. */
    List<AggregateSeries> aggregate(AggregateQuery query);

    default AggregateSeries aggregate(
            TagPath tag, Instant from, Instant to, Duration interval, Set<Aggregate> aggregates) {
        return aggregate(new AggregateQuery(List.of(tag), new TimeRange(from, to), interval, aggregates))
                .getFirst();
    }

    /** Every tag with at least one stored sample, ordered by path. */
    List<TagInfo> tags();

    /** Deletes every sample older than {@code now} minus the configured retention. */
    RetentionResult enforceRetention(Instant now);

    /**
     * Writes the samples as CSV (RFC 4180, header {@code time,tag,type,value,quality}; time in ISO
     * 8601 UTC, type one of {@code bool int real text}). Returns the number of samples written.
     */
    long exportCsv(ExportQuery query, Writer out);

    /**
     * Writes the samples as a Parquet file (columns {@code time} TIMESTAMP WITH TIME ZONE, {@code
     * tag}, {@code type}, {@code quality} as text, and one typed column per value type: {@code
     * bool_value}, {@code int_value}, {@code real_value}, {@code text_value}). Returns the number of
     * samples written. An existing file is replaced.
     */
    long exportParquet(ExportQuery query, Path file);

    /** Flushes and releases the storage; waits for reads in flight. */
    @Override
    void close();
}
