/**
 * Capture input for the passive path: a file, a gzip-compressed file or standard input ({@code
 * tcpdump -w - | isthmus analyze -}) read through one bounded, reused buffer and handed to
 * {@link io.isthmus.wire.capture.CaptureDecoder}.
 *
 * <p>Composition for {@code isthmus analyze}:
 *
 * <pre>{@code
 * try (CaptureSource source = CaptureSource.open(pathOrDash, CaptureLimits.DEFAULT)) {
 *     FlowPipeline flows = new FlowPipeline(FlowLimits.DEFAULT, new PacketDecoder(), listener);
 *     while (source.advance()) {
 *         flows.accept(source.buffer(), source.packet());
 *     }
 *     flows.finish();
 *     source.failure().ifPresent(damage -> report(damage.message()));
 * }
 * }</pre>
 */
package io.isthmus.observe.capture;
