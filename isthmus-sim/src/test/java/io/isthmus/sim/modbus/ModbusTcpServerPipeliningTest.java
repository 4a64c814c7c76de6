package io.isthmus.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.sim.plc.RegisterImage;
import io.isthmus.wire.modbus.MbapCodec;
import io.isthmus.wire.modbus.MbapFrame;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Pipelined requests (Messaging on TCP/IP Implementation Guide V1.0b, section 4.2.1): several
 * requests in one write, and a partial one after them, all get their answers, in order, with their
 * own transaction identifiers; the server holds back no answer while it waits for more bytes.
 */
class ModbusTcpServerPipeliningTest {

    private static byte[] readHolding(int transaction, int start) {
        return MbapCodec.encode(MbapFrame.of(transaction, 1, new byte[] {3, 0, (byte) start, 0, 1}));
    }

    private static int[] answer(DataInputStream in) throws Exception {
        byte[] header = new byte[6];
        in.readFully(header);
        int length = ((header[4] & 0xFF) << 8) | (header[5] & 0xFF);
        byte[] rest = new byte[length];
        in.readFully(rest);
        int transaction = ((header[0] & 0xFF) << 8) | (header[1] & 0xFF);
        return new int[] {transaction, ByteBuffer.wrap(rest, 3, 2).getShort()};
    }

    @Test
    void requestsSentTogetherAreAllAnsweredInOrderEvenWithAPartialOneBehindThem() throws Exception {
        var image = new RegisterImage(0, 0, 10, 0);
        image.writeHoldingRegisters(0, new short[] {100, 101, 102, 103});
        try (var server =
                new ModbusTcpServer(ModbusServerConfig.create(b -> b.port(0).unitId(1)), image)) {
            server.start();
            try (var socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                var in = new DataInputStream(socket.getInputStream());
                byte[] third = readHolding(7, 2);
                var together = new java.io.ByteArrayOutputStream();
                together.write(readHolding(5, 0));
                together.write(readHolding(6, 1));
                together.write(third, 0, 4); // the third request, cut short
                out.write(together.toByteArray());
                out.flush();
                assertThat(answer(in)).containsExactly(5, 100);
                assertThat(answer(in)).containsExactly(6, 101);
                out.write(third, 4, third.length - 4);
                out.flush();
                assertThat(answer(in)).containsExactly(7, 102);
            }
            assertThat(server.stats().requests()).isEqualTo(3);
        }
    }
}
