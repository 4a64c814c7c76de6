/**
 * The session layer of the passive path: above the flows, below reports and detection. It
 * identifies each flow's protocol from the registered {@link io.isthmus.wire.DissectorFactory}s
 * (content beats port), runs one {@link io.isthmus.wire.Dissector} per flow direction over the
 * reassembled bytes with a small bounded buffer, pairs requests with responses, and emits {@link
 * io.isthmus.observe.session.Observation}s while keeping {@link
 * io.isthmus.observe.session.AnalysisStats}.
 *
 * <p>Adding a protocol is one line in {@link io.isthmus.observe.session.DissectorRegistry#defaults()}.
 *
 * <pre>{@code
 * var stats = new AnalysisStats(SessionLimits.DEFAULT);
 * var sessions = new SessionLayer(DissectorRegistry.defaults(), SessionLimits.DEFAULT, stats, sink);
 * var flows = new FlowPipeline(FlowLimits.DEFAULT, new PacketDecoder(), sessions);
 * }</pre>
 */
package io.isthmus.observe.session;
