package io.isthmus.sim;

import java.net.BindException;
import java.net.InetSocketAddress;

/** A server of the virtual factory could not bind its port; names the service and the address. */
public final class PortInUseException extends BindException {
    /** Which server: {@link #MODBUS} or {@link #OPC_UA}. */
    public enum Service {
        MODBUS,
        OPC_UA
    }

    private final Service service;
    private final InetSocketAddress address;

    public PortInUseException(Service service, String what, InetSocketAddress address, Throwable cause) {
        super(what + " cannot listen on " + address.getAddress().getHostAddress() + ":" + address.getPort()
                + ": the port is already in use");
        this.service = service;
        this.address = address;
        initCause(cause);
    }

    public Service service() {
        return service;
    }

    public InetSocketAddress address() {
        return address;
    }
}
