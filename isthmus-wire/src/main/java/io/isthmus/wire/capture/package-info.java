/**
 * Capture formats, decoded incrementally from bytes without seeking: classic pcap (both byte
 * orders, micro- and nanosecond timestamps) and pcapng (sections, interfaces, enhanced, simple and
 * obsolete packet blocks; every other block skipped by its length).
 *
 * <p>Role in the OBSERVE flow: {@code isthmus-observe}'s {@code CaptureSource} reads a file, a gzip
 * file or standard input into a bounded buffer and calls {@link io.isthmus.wire.capture.CaptureDecoder#next}
 * until it answers {@link io.isthmus.wire.capture.CaptureRecord.NeedMore}; each {@link
 * io.isthmus.wire.capture.CaptureRecord.Packet} points into that buffer (no copy) and goes on to
 * {@code io.isthmus.wire.packet.PacketDecoder} with its {@link io.isthmus.wire.capture.LinkType}.
 *
 * <p>Every size the file claims is bounded by {@link io.isthmus.wire.capture.CaptureLimits} before
 * any byte is awaited, so a block claiming 2 GB ends in one {@link
 * io.isthmus.wire.capture.CaptureRecord.Malformed} naming its byte offset, after every packet
 * before it was reported.
 */
package io.isthmus.wire.capture;
