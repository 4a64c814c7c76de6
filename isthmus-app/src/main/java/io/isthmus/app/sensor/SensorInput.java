package io.isthmus.app.sensor;

import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.wire.capture.CaptureLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Where the sensor's packets come from. Opened on the sensor's own thread, because opening a FIFO
 * or reading the first bytes of standard input blocks until a writer appears.
 *
 * @param name what {@code /api/sensor} shows
 * @param dropped packets the input itself dropped before the sensor saw them, when it can tell
 */
public record SensorInput(String name, Opener opener, java.util.Optional<LongSupplier> dropped) {

    /** Opens the capture. */
    @FunctionalInterface
    public interface Opener {
        CaptureSource open() throws IOException;
    }

    /** A capture file, a FIFO, or standard input for {@code -}. */
    public static SensorInput of(String pathOrDash) {
        return new SensorInput(
                "-".equals(pathOrDash) ? "stdin" : pathOrDash,
                () -> CaptureSource.open(pathOrDash, CaptureLimits.DEFAULT),
                java.util.Optional.empty());
    }

    /** A stream opened in-process (the virtual factory's mirror port) that counts its own drops. */
    public static SensorInput of(String name, Supplier<InputStream> stream, LongSupplier dropped) {
        return new SensorInput(
                name,
                () -> CaptureSource.of(stream.get(), OptionalLong.empty(), CaptureLimits.DEFAULT),
                java.util.Optional.of(dropped));
    }
}
