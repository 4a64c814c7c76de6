package io.isthmus.store.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One explicit transaction on the writer connection, as both layouts' appends and retention run it:
 * {@code BEGIN}, the work, {@code COMMIT}; on any failure a {@code ROLLBACK} (whose own failure is
 * attached to the original one), then {@code undo} for the in-memory state the work reserved, and
 * the original failure rethrown. The caller holds the writer lock.
 */
final class Transaction {
    interface Work<T> {
        T run() throws SQLException;
    }

    private Transaction() {}

    static <T> T run(Connection conn, Work<T> work, Runnable undo) throws SQLException {
        execute(conn, "BEGIN TRANSACTION");
        T result;
        try {
            result = work.run();
            execute(conn, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            try {
                execute(conn, "ROLLBACK");
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            undo.run();
            throw e;
        }
        return result;
    }

    private static void execute(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }
}
