package io.isthmus.store.duckdb;

import io.isthmus.store.HistorianConfig;
import io.isthmus.store.HistorianException;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * The connection, locking and lifecycle both layouts share ({@link DuckDbHistorian}, {@link
 * BlockHistorian}).
 *
 * <p>Threads: one writer connection used under {@link #writeLock}, so appends and retention run one
 * at a time, each as one transaction; every read runs on its own short-lived connection duplicated
 * from the same database, so reads run in parallel with each other and with the writer and see only
 * committed appends (DuckDB's MVCC). {@link #close} waits for operations in flight; after it every
 * operation throws {@link IllegalStateException}.
 */
final class HistorianGuard {
    static final String FILE_NAME = "historian.duckdb";

    interface SqlWork<T> {
        T run() throws SQLException;
    }

    interface SqlRead<T> {
        T run(DuckDBConnection conn) throws SQLException;
    }

    private final HistorianConfig config;
    private final DuckDBConnection writer;
    private final Lock writeLock = new ReentrantLock();
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;

    HistorianGuard(HistorianConfig config, DuckDBConnection writer) {
        this.config = config;
        this.writer = writer;
    }

    /**
     * Opens the writer connection on {@code historian.duckdb} in {@code config.dir()}, creating the
     * directory. The driver class directly, not DriverManager: a shaded jar that drops or fails to
     * merge META-INF/services/java.sql.Driver would otherwise find no driver.
     */
    static DuckDBConnection connect(HistorianConfig config) throws SQLException, IOException {
        Files.createDirectories(config.dir());
        return (DuckDBConnection) new DuckDBDriver()
                .connect("jdbc:duckdb:" + config.dir().resolve(FILE_NAME).toAbsolutePath(), properties(config));
    }

    /**
     * No extension is ever downloaded or loaded at run time (Parquet, JSON and ICU are built into
     * the JDBC driver): an OT-side product must not fetch code from the internet.
     */
    private static Properties properties(HistorianConfig config) {
        Properties p = new Properties();
        p.setProperty("threads", String.valueOf(config.threads()));
        p.setProperty("memory_limit", config.memoryLimitMiB() + "MiB");
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("autoload_known_extensions", "false");
        p.setProperty("allow_community_extensions", "false");
        return p;
    }

    /** Work on in-memory state only, while the historian is open. */
    <T> T open(Supplier<T> work) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            return work.get();
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Work on the writer connection, one at a time. */
    <T> T writing(SqlWork<T> work) {
        lifecycle.readLock().lock();
        writeLock.lock();
        try {
            ensureOpen();
            return work.run();
        } catch (SQLException e) {
            throw new HistorianException("historian write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
            lifecycle.readLock().unlock();
        }
    }

    /** Work on a connection of its own, in parallel with other reads and the writer. */
    <T> T reading(SqlRead<T> work) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            try (DuckDBConnection conn = writer.duplicate()) {
                return work.run(conn);
            }
        } catch (SQLException e) {
            throw new HistorianException("historian query failed: " + e.getMessage(), e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Waits for operations in flight, runs {@code release} once, then closes the writer. */
    void close(SqlWork<Void> release) {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                release.run();
            } finally {
                writer.close();
            }
        } catch (SQLException e) {
            throw new HistorianException("closing the historian failed: " + e.getMessage(), e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the historian in " + config.dir() + " is closed");
        }
    }
}
