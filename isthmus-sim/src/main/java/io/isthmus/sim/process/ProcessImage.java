package io.isthmus.sim.process;

import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import java.util.List;

/**
 * The whole line as named points: what the OPC UA server publishes and what scenarios and tests
 * read. Implementations are thread-safe.
 */
public interface ProcessImage {

    /** Every point, in a stable order (line order, then point order within a machine). */
    List<PointSpec> points();

    /** The current value of a point; throws {@link IllegalArgumentException} for an unknown path. */
    Value read(TagPath path);

    /**
     * Writes a writable point (a setpoint or a command), exactly as a Modbus write to the owning
     * PLC would. Returns false, changing nothing, when the point is read-only or the value's kind
     * does not fit its type.
     */
    boolean write(TagPath path, Value value);
}
