package io.isthmus.store.duckdb;

import java.sql.SQLException;

/** The file holds another schema version than the layout opening it: {@link #found()} says which. */
final class SchemaVersionException extends SQLException {
    private final int found;

    SchemaVersionException(String message, int found) {
        super(message);
        this.found = found;
    }

    int found() {
        return found;
    }
}
