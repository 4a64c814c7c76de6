package io.isthmus.connect.transfer.send;

import java.io.IOException;
import java.util.Arrays;

/** Where the sender's datagrams go: a UDP socket in production, an impaired link in tests. */
@FunctionalInterface
public interface DatagramOut extends AutoCloseable {
    /** Sends {@code length} bytes of {@code datagram}; the array may be reused after the call. */
    void send(byte[] datagram, int length) throws IOException;

    /** Sends bytes {@code offset..offset + length} of {@code data}; copies them unless overridden. */
    default void send(byte[] data, int offset, int length) throws IOException {
        send(offset == 0 ? data : Arrays.copyOfRange(data, offset, offset + length), length);
    }

    @Override
    default void close() throws IOException {}
}
