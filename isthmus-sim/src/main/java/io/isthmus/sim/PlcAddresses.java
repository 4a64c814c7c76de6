package io.isthmus.sim;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which loopback address each PLC of the virtual factory listens on. A plant's PLCs are separate
 * hosts, and a passive sensor (the factory's mirror port) tells assets apart by address, so by
 * default each PLC gets its own: {@code 127.0.0.10} for the conveyor, {@code .11} … {@code .15} for
 * the meter. Linux routes all of 127.0.0.0/8 to the loopback interface, so binding them needs no
 * setup; macOS answers only 127.0.0.1 unless aliases are added, hence {@link Shared}.
 */
public sealed interface PlcAddresses {
    /** The conveyor's address by default; the next five PLCs follow it. */
    String DEFAULT_FIRST = "127.0.0.10";

    /** How many PLCs the factory serves (five machines and the meter). */
    int PLCS = 6;

    /** The address of the PLC at {@code index} in line order (the meter last). */
    InetAddress of(int index, InetAddress bindAddress);

    /**
     * Each PLC on its own IPv4 loopback address: {@code first}, {@code first + 1}, … in line order.
     * The ports stay {@code modbusBasePort + index}, so moving between this and {@link Shared}
     * changes only the host of an endpoint.
     */
    record OnePerPlc(InetAddress first) implements PlcAddresses {
        public OnePerPlc {
            if (!(first instanceof Inet4Address) || !first.isLoopbackAddress()) {
                throw new IllegalArgumentException(
                        "the first PLC address must be an IPv4 loopback address (127.x.y.z), not "
                                + (first == null ? "nothing" : first.getHostAddress()));
            }
            if ((first.getAddress()[3] & 0xff) > 255 - (PLCS - 1)) {
                throw new IllegalArgumentException("the first PLC address must leave room for " + PLCS
                        + " consecutive addresses in its last byte, was " + first.getHostAddress());
            }
        }

        @Override
        public InetAddress of(int index, InetAddress bindAddress) {
            if (index < 0 || index >= PLCS) {
                throw new IllegalArgumentException("PLC index must be 0.." + (PLCS - 1) + ", was " + index);
            }
            byte[] a = first.getAddress();
            a[3] = (byte) ((a[3] & 0xff) + index);
            try {
                return InetAddress.getByAddress(a);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("four bytes are always an address", e);
            }
        }
    }

    /**
     * Every PLC on the factory's bind address (127.0.0.1 by default), told apart by port only: for
     * systems whose loopback answers one address. A sensor then sees the six PLCs as one asset.
     */
    record Shared() implements PlcAddresses {
        @Override
        public InetAddress of(int index, InetAddress bindAddress) {
            return bindAddress;
        }
    }

    /** Each PLC on its own address from {@link #DEFAULT_FIRST}. */
    static PlcAddresses defaults() {
        try {
            return new OnePerPlc(InetAddress.getByName(DEFAULT_FIRST));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal address always resolves", e);
        }
    }
}
