package io.isthmus.wire;

import io.isthmus.model.Protocol;
import java.nio.ByteBuffer;

/**
 * Decodes one direction of one flow of one protocol. Pure: no I/O, no threads, no logging, no
 * clocks. An instance may keep bounded state between calls (DNP3 transport reassembly, COTP
 * fragments), so the session layer creates one per flow direction via {@link DissectorFactory}.
 *
 * <p>{@link #next} looks at the bytes from {@code data.position()} to {@code data.limit()} and must
 * not move the buffer's position or limit, nor keep a reference to the buffer: the caller advances
 * by {@code consumed} or {@code skip}. For datagram protocols the buffer holds exactly one datagram.
 */
public interface Dissector {
    Protocol protocol();

    /**
     * @param hint the direction the session layer believes (from the connection's initiator or the
     *     well-known port); protocols that carry the direction on the wire (DNP3's DIR bit) report
     *     what the wire says in their summaries
     */
    Dissection next(ByteBuffer data, Direction hint);
}
