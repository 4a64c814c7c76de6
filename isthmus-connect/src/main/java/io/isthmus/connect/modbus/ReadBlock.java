package io.isthmus.connect.modbus;

import io.isthmus.connect.config.ModbusTable;
import io.isthmus.wire.modbus.ModbusRequest;
import java.util.List;

/**
 * One coalesced read: a contiguous range of one table covering several tags.
 *
 * @param members the tags, each with its offset from {@code start}
 */
public record ReadBlock(ModbusTable table, int start, int quantity, List<PolledTag> members) {
    public ReadBlock {
        members = List.copyOf(members);
    }

    /** The request that reads this block (functions 1-4, Application Protocol V1.1b3 sections 6.1-6.4). */
    public ModbusRequest request() {
        return switch (table) {
            case COIL -> new ModbusRequest.ReadCoils(start, quantity);
            case DISCRETE_INPUT -> new ModbusRequest.ReadDiscreteInputs(start, quantity);
            case HOLDING_REGISTER -> new ModbusRequest.ReadHoldingRegisters(start, quantity);
            case INPUT_REGISTER -> new ModbusRequest.ReadInputRegisters(start, quantity);
        };
    }
}
