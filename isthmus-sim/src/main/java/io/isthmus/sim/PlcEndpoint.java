package io.isthmus.sim;

import io.isthmus.sim.plc.PlcMap;
import java.net.InetSocketAddress;

/** Where one simulated PLC answers Modbus/TCP, and the register map it serves. */
public record PlcEndpoint(String device, String cell, InetSocketAddress address, int unitId, PlcMap map) {

    /** {@code 127.0.0.1:5020}: the numeric address, never a host name. */
    public String hostPort() {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** {@code modbus-tcp://127.0.0.1:5020}. */
    public String uri() {
        return "modbus-tcp://" + hostPort();
    }
}
