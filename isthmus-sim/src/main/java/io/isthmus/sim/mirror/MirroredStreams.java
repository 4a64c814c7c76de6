package io.isthmus.sim.mirror;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A socket's streams wrapped so that every byte actually read or written is also framed on the
 * mirror port: the server's view of the connection, not a re-encoding of decoded messages.
 */
public final class MirroredStreams {
    private MirroredStreams() {}

    /** {@code in} (the server's socket input) reporting what it returns as sent by the client. */
    public static InputStream fromClient(InputStream in, TcpConversation c) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    c.fromClient(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    c.fromClient(b, off, n);
                }
                return n;
            }
        };
    }

    /** {@code out} (the server's socket output) reporting each write as sent by the server. */
    public static OutputStream fromServer(OutputStream out, TcpConversation c) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                c.fromServer(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                c.fromServer(b, off, len);
            }
        };
    }
}
