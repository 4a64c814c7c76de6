package io.isthmus.sim.modbus;

import java.util.concurrent.atomic.LongAdder;

/** The server's counters, shared by its connection threads. */
final class ServerCounters {
    final LongAdder requests = new LongAdder();
    final LongAdder exceptions = new LongAdder();
    final LongAdder malformedFrames = new LongAdder();
    final LongAdder malformedPdus = new LongAdder();
    final LongAdder connectionsAccepted = new LongAdder();
    final LongAdder connectionsRejected = new LongAdder();
    final LongAdder connectionsIdleClosed = new LongAdder();

    ModbusServerStats snapshot(int connectionsOpen) {
        return new ModbusServerStats(
                requests.sum(),
                exceptions.sum(),
                malformedFrames.sum(),
                malformedPdus.sum(),
                connectionsAccepted.sum(),
                connectionsRejected.sum(),
                connectionsIdleClosed.sum(),
                connectionsOpen);
    }
}
