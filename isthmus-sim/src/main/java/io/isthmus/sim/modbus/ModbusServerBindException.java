package io.isthmus.sim.modbus;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;

/** The server could not listen on its address, typically because another process holds the port. */
public final class ModbusServerBindException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient InetSocketAddress address;

    ModbusServerBindException(InetSocketAddress address, BindException cause) {
        super(
                "Modbus/TCP server cannot listen on " + address.getAddress().getHostAddress() + ":" + address.getPort()
                        + " (" + cause.getMessage() + "); is another server using the port?",
                cause);
        this.address = address;
    }

    /** The address and port that could not be bound. */
    public InetSocketAddress address() {
        return address;
    }
}
