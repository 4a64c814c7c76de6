package io.isthmus.observe.capture;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * How far a capture has been read, for a progress bar.
 *
 * @param bytesRead bytes taken from the file or stream so far (compressed bytes for a gzip file,
 *     so that they compare with {@code totalBytes})
 * @param totalBytes the file's size, empty for standard input
 * @param packets packets delivered so far
 */
public record CaptureProgress(long bytesRead, OptionalLong totalBytes, long packets) {

    /** Between 0 and 1 when the size is known. */
    public OptionalDouble fraction() {
        if (totalBytes.isEmpty() || totalBytes.getAsLong() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.min(1.0, (double) bytesRead / totalBytes.getAsLong()));
    }
}
