package io.isthmus.observe.session;

import io.isthmus.observe.flow.Flow;

/**
 * What a consumer beside the observation sink may want from the passive path: the frame number
 * of each packet before it is decoded (so evidence can name the frame, as Wireshark numbers them,
 * 1-based), and each flow as it leaves the flow table (so reconnaissance without application
 * payload, such as a SYN scan, is visible). Calls come on the pipeline's thread, in capture order.
 */
public interface CaptureTap {
    CaptureTap NONE = new CaptureTap() {};

    default void onPacket(long frameNumber, long timestampNanos) {}

    /** The flow leaves the table; its counters are final. Do not keep the flow. */
    default void onFlowEnd(Flow flow) {}
}
