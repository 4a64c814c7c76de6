package io.isthmus.sim;

import java.net.BindException;
import java.net.InetSocketAddress;

/**
 * A PLC could not listen on its own loopback address because this system does not answer it (macOS
 * answers only 127.0.0.1 on its loopback unless aliases are added; Linux answers all of 127/8).
 * The way out is {@link PlcAddresses.Shared}: every PLC on one address.
 */
public final class PlcAddressUnavailableException extends BindException {
    private final InetSocketAddress address;

    public PlcAddressUnavailableException(String what, InetSocketAddress address, Throwable cause) {
        super(what + " cannot listen on " + address.getAddress().getHostAddress() + ":" + address.getPort()
                + ": this system's loopback does not answer "
                + address.getAddress().getHostAddress()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"));
        this.address = address;
        initCause(cause);
    }

    public InetSocketAddress address() {
        return address;
    }
}
