package io.isthmus.store;

/**
 * The storage engine failed (disk full, corrupt file, I/O error). The operation had no effect: an
 * append that fails is rolled back as a whole, so the journal may simply deliver it again.
 */
public final class HistorianException extends RuntimeException {

    public HistorianException(String message, Throwable cause) {
        super(message, cause);
    }
}
