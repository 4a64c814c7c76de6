package io.isthmus.sim.process;

/** The data type a process point is published with (Modbus encoding and OPC UA DataType). */
public enum PointType {
    BOOL,
    INT,
    REAL
}
