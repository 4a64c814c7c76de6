package io.isthmus.connect.transfer.send;

import java.io.IOException;

/** Where the sender's datagrams go: a UDP socket in production, an impaired link in tests. */
@FunctionalInterface
public interface DatagramOut extends AutoCloseable {
    /** Sends {@code length} bytes of {@code datagram}; the array may be reused after the call. */
    void send(byte[] datagram, int length) throws IOException;

    @Override
    default void close() throws IOException {}
}
