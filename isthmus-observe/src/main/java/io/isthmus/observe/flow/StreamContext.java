package io.isthmus.observe.flow;

/**
 * What every stream reassembler of one table shares: limits, counters, the listener, the payload
 * view, the pool of retransmission-history rings.
 */
record StreamContext(
        FlowLimits limits, FlowCounters counters, FlowListener listener, PayloadView view, HistoryPool histories) {

    StreamContext(FlowLimits limits, FlowCounters counters, FlowListener listener, PayloadView view) {
        this(limits, counters, listener, view, new HistoryPool());
    }
}
