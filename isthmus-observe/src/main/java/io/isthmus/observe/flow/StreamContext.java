package io.isthmus.observe.flow;

/** What every stream reassembler of one table shares: limits, counters, the listener, the payload view. */
record StreamContext(FlowLimits limits, FlowCounters counters, FlowListener listener, PayloadView view) {}
