package io.isthmus.sim.modbus;

import io.isthmus.wire.modbus.ModbusRequest;
import io.isthmus.wire.modbus.ModbusResponse;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Told about every request the server decoded, so the simulator can log who wrote what and the
 * demo can show it. Called on the connection's thread after the request took effect and before the
 * response is sent: keep it short. An exception thrown here is logged and otherwise ignored.
 */
@FunctionalInterface
public interface ModbusServerListener {

    /** Ignores everything. */
    ModbusServerListener NONE = (remote, unitId, request, response) -> {};

    /**
     * @param remote the client's address and port
     * @param unitId the unit identifier of the request
     * @param request the decoded request
     * @param response what was sent back; empty for a broadcast (unit 0), which gets no answer
     */
    void onRequest(InetSocketAddress remote, int unitId, ModbusRequest request, Optional<ModbusResponse> response);
}
