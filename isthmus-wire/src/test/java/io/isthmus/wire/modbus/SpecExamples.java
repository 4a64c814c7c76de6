package io.isthmus.wire.modbus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The request/response examples of the Modbus Application Protocol Specification V1.1b3, section
 * 6, as annotated bytes next to the records they decode to. Where the specification gives no
 * example (FC 17, the MEI 13 payload, user-defined codes) the bytes are made up and say so.
 */
final class SpecExamples {
    private SpecExamples() {}

    /**
     * One example PDU.
     *
     * @param openEnded the function's data runs to the end of the PDU with no count of its own, so a
     *     shorter prefix can be valid too (Diagnostics, MEI 13, unknown function codes)
     */
    record Example<T>(String name, byte[] pdu, T value, boolean openEnded) {
        @Override
        public String toString() {
            return name;
        }
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static <T> Example<T> fixed(String name, byte[] pdu, T value) {
        return new Example<>(name, pdu, value, false);
    }

    private static <T> Example<T> openEnded(String name, byte[] pdu, T value) {
        return new Example<>(name, pdu, value, true);
    }

    static List<Example<ModbusRequest>> requests() {
        return List.of(
                fixed(
                        "6.1 Read Coils 20-38",
                        bytes(
                                0x01, //       function code
                                0x00, 0x13, // starting address 19 (coil 20)
                                0x00, 0x13), // quantity of coils 19
                        new ModbusRequest.ReadCoils(19, 19)),
                fixed(
                        "6.2 Read Discrete Inputs 197-218",
                        bytes(
                                0x02, //       function code
                                0x00, 0xC4, // starting address 196
                                0x00, 0x16), // quantity of inputs 22
                        new ModbusRequest.ReadDiscreteInputs(196, 22)),
                fixed(
                        "6.3 Read Holding Registers 108-110",
                        bytes(
                                0x03, //       function code
                                0x00, 0x6B, // starting address 107
                                0x00, 0x03), // quantity of registers 3
                        new ModbusRequest.ReadHoldingRegisters(107, 3)),
                fixed(
                        "6.4 Read Input Register 9",
                        bytes(
                                0x04, //       function code
                                0x00, 0x08, // starting address 8
                                0x00, 0x01), // quantity of registers 1
                        new ModbusRequest.ReadInputRegisters(8, 1)),
                fixed(
                        "6.5 Write Single Coil 173 ON",
                        bytes(
                                0x05, //       function code
                                0x00, 0xAC, // output address 172
                                0xFF, 0x00), // output value ON
                        new ModbusRequest.WriteSingleCoil(172, 0xFF00)),
                fixed(
                        "6.6 Write Single Register 2 = 3",
                        bytes(
                                0x06, //       function code
                                0x00, 0x01, // register address 1
                                0x00, 0x03), // register value 3
                        new ModbusRequest.WriteSingleRegister(1, 3)),
                fixed("6.7 Read Exception Status", bytes(0x07), new ModbusRequest.ReadExceptionStatus()),
                openEnded(
                        "6.8 Diagnostics Return Query Data",
                        bytes(
                                0x08, //       function code
                                0x00, 0x00, // sub-function 0: return query data
                                0xA5, 0x37), // data to echo
                        new ModbusRequest.Diagnostics(0, bytes(0xA5, 0x37))),
                fixed("6.9 Get Comm Event Counter", bytes(0x0B), new ModbusRequest.GetCommEventCounter()),
                fixed("6.10 Get Comm Event Log", bytes(0x0C), new ModbusRequest.GetCommEventLog()),
                fixed(
                        "6.11 Write Multiple Coils 20-29",
                        bytes(
                                0x0F, //       function code
                                0x00, 0x13, // starting address 19
                                0x00, 0x0A, // quantity of outputs 10
                                0x02, //       byte count 2
                                0xCD, 0x01), // outputs 27-20, 29-28
                        new ModbusRequest.WriteMultipleCoils(19, 10, PackedBits.fromBytes(bytes(0xCD, 0x01)))),
                fixed(
                        "6.12 Write Multiple Registers 2-3",
                        bytes(
                                0x10, //       function code
                                0x00, 0x01, // starting address 1
                                0x00, 0x02, // quantity of registers 2
                                0x04, //       byte count 4
                                0x00, 0x0A, // register 2 = 10
                                0x01, 0x02), // register 3 = 258
                        new ModbusRequest.WriteMultipleRegisters(1, 2, Registers.of(0x000A, 0x0102))),
                fixed("6.13 Report Server ID", bytes(0x11), new ModbusRequest.ReportServerId()),
                fixed(
                        "6.14 Read File Record, two groups",
                        bytes(
                                0x14, //       function code
                                0x0E, //       byte count 14
                                0x06, //       group 1: reference type
                                0x00, 0x04, // file number 4
                                0x00, 0x01, // record number 1
                                0x00, 0x02, // record length 2
                                0x06, //       group 2: reference type
                                0x00, 0x03, // file number 3
                                0x00, 0x09, // record number 9
                                0x00, 0x02), // record length 2
                        new ModbusRequest.ReadFileRecord(
                                List.of(new FileRecordReference(6, 4, 1, 2), new FileRecordReference(6, 3, 9, 2)))),
                fixed(
                        "6.15 Write File Record, one group",
                        bytes(
                                0x15, //       function code
                                0x0D, //       request data length 13
                                0x06, //       reference type
                                0x00, 0x04, // file number 4
                                0x00, 0x07, // record number 7
                                0x00, 0x03, // record length 3
                                0x06, 0xAF, // data
                                0x04, 0xBE, //
                                0x10, 0x0D), //
                        new ModbusRequest.WriteFileRecord(
                                List.of(new FileRecordWrite(6, 4, 7, Registers.of(0x06AF, 0x04BE, 0x100D))))),
                fixed(
                        "6.16 Mask Write Register",
                        bytes(
                                0x16, //       function code
                                0x00, 0x04, // reference address 4
                                0x00, 0xF2, // AND mask
                                0x00, 0x25), // OR mask
                        new ModbusRequest.MaskWriteRegister(4, 0xF2, 0x25)),
                fixed(
                        "6.17 Read/Write Multiple Registers",
                        bytes(
                                0x17, //       function code
                                0x00, 0x03, // read starting address 3
                                0x00, 0x06, // quantity to read 6
                                0x00, 0x0E, // write starting address 14
                                0x00, 0x03, // quantity to write 3
                                0x06, //       write byte count 6
                                0x00, 0xFF, // write registers
                                0x00, 0xFF, //
                                0x00, 0xFF), //
                        new ModbusRequest.ReadWriteMultipleRegisters(3, 6, 14, 3, Registers.of(0xFF, 0xFF, 0xFF))),
                fixed(
                        "6.18 Read FIFO Queue",
                        bytes(
                                0x18, //       function code
                                0x04, 0xDE), // FIFO pointer address 1246
                        new ModbusRequest.ReadFifoQueue(0x04DE)),
                fixed(
                        "6.21 Read Device Identification, basic stream",
                        bytes(
                                0x2B, // function code
                                0x0E, // MEI type 14
                                0x01, // read device id code: basic
                                0x00), // object id: start at VendorName
                        new ModbusRequest.ReadDeviceIdentification(1, 0)),
                openEnded(
                        "6.20 CANopen General Reference (made-up payload)",
                        bytes(
                                0x2B, //             function code
                                0x0D, //             MEI type 13
                                0x00, 0x01, 0x02), // CANopen payload
                        new ModbusRequest.EncapsulatedInterface(13, bytes(0x00, 0x01, 0x02))),
                openEnded(
                        "user-defined function 65 (made up)",
                        bytes(
                                0x41, //       function code 65
                                0x01, 0x02), // data
                        new ModbusRequest.Unknown(0x41, bytes(0x01, 0x02))));
    }

    static List<Example<ModbusResponse>> responses() {
        return List.of(
                fixed(
                        "6.1 Read Coils 20-38",
                        bytes(
                                0x01, //             function code
                                0x03, //             byte count 3
                                0xCD, 0x6B, 0x05), // coils 27-20, 35-28, 38-36
                        new ModbusResponse.ReadCoils(PackedBits.fromBytes(bytes(0xCD, 0x6B, 0x05)))),
                fixed(
                        "6.2 Read Discrete Inputs 197-218",
                        bytes(
                                0x02, //             function code
                                0x03, //             byte count 3
                                0xAC, 0xDB, 0x35), // inputs 204-197, 212-205, 218-213
                        new ModbusResponse.ReadDiscreteInputs(PackedBits.fromBytes(bytes(0xAC, 0xDB, 0x35)))),
                fixed(
                        "6.3 Read Holding Registers 108-110",
                        bytes(
                                0x03, //       function code
                                0x06, //       byte count 6
                                0x02, 0x2B, // register 108 = 555
                                0x00, 0x00, // register 109 = 0
                                0x00, 0x64), // register 110 = 100
                        new ModbusResponse.ReadHoldingRegisters(Registers.of(555, 0, 100))),
                fixed(
                        "6.4 Read Input Register 9",
                        bytes(
                                0x04, //       function code
                                0x02, //       byte count 2
                                0x00, 0x0A), // register 9 = 10
                        new ModbusResponse.ReadInputRegisters(Registers.of(10))),
                fixed(
                        "6.5 Write Single Coil 173 ON, echoed",
                        bytes(0x05, 0x00, 0xAC, 0xFF, 0x00),
                        new ModbusResponse.WriteSingleCoil(172, 0xFF00)),
                fixed(
                        "6.6 Write Single Register 2 = 3, echoed",
                        bytes(0x06, 0x00, 0x01, 0x00, 0x03),
                        new ModbusResponse.WriteSingleRegister(1, 3)),
                fixed(
                        "6.7 Read Exception Status",
                        bytes(
                                0x07, // function code
                                0x6D), // output data 0110 1101
                        new ModbusResponse.ReadExceptionStatus(0x6D)),
                openEnded(
                        "6.8 Diagnostics Return Query Data, echoed",
                        bytes(0x08, 0x00, 0x00, 0xA5, 0x37),
                        new ModbusResponse.Diagnostics(0, bytes(0xA5, 0x37))),
                fixed(
                        "6.9 Get Comm Event Counter",
                        bytes(
                                0x0B, //       function code
                                0xFF, 0xFF, // status: busy
                                0x01, 0x08), // event count 264
                        new ModbusResponse.GetCommEventCounter(0xFFFF, 0x0108)),
                fixed(
                        "6.10 Get Comm Event Log",
                        bytes(
                                0x0C, //       function code
                                0x08, //       byte count 8
                                0x00, 0x00, // status
                                0x01, 0x08, // event count 264
                                0x01, 0x21, // message count 289
                                0x20, 0x00), // events 0 and 1
                        new ModbusResponse.GetCommEventLog(0, 0x0108, 0x0121, bytes(0x20, 0x00))),
                fixed(
                        "6.11 Write Multiple Coils 20-29",
                        bytes(
                                0x0F, //       function code
                                0x00, 0x13, // starting address 19
                                0x00, 0x0A), // quantity 10
                        new ModbusResponse.WriteMultipleCoils(19, 10)),
                fixed(
                        "6.12 Write Multiple Registers 2-3",
                        bytes(
                                0x10, //       function code
                                0x00, 0x01, // starting address 1
                                0x00, 0x02), // quantity 2
                        new ModbusResponse.WriteMultipleRegisters(1, 2)),
                fixed(
                        "6.13 Report Server ID (made-up device data)",
                        bytes(
                                0x11, // function code
                                0x02, // byte count 2
                                0x2A, // server id (device specific)
                                0xFF), // run indicator: ON
                        new ModbusResponse.ReportServerId(bytes(0x2A, 0xFF))),
                fixed(
                        "6.14 Read File Record, two groups",
                        bytes(
                                0x14, //       function code
                                0x0C, //       response data length 12
                                0x05, //       group 1: file response length 5
                                0x06, //       reference type
                                0x0D, 0xFE, // data
                                0x00, 0x20, //
                                0x05, //       group 2: file response length 5
                                0x06, //       reference type
                                0x33, 0xCD, // data
                                0x00, 0x40), //
                        new ModbusResponse.ReadFileRecord(List.of(
                                new FileRecordData(6, Registers.of(0x0DFE, 0x0020)),
                                new FileRecordData(6, Registers.of(0x33CD, 0x0040))))),
                fixed(
                        "6.15 Write File Record, echoed",
                        bytes(0x15, 0x0D, 0x06, 0x00, 0x04, 0x00, 0x07, 0x00, 0x03, 0x06, 0xAF, 0x04, 0xBE, 0x10, 0x0D),
                        new ModbusResponse.WriteFileRecord(
                                List.of(new FileRecordWrite(6, 4, 7, Registers.of(0x06AF, 0x04BE, 0x100D))))),
                fixed(
                        "6.16 Mask Write Register, echoed",
                        bytes(0x16, 0x00, 0x04, 0x00, 0xF2, 0x00, 0x25),
                        new ModbusResponse.MaskWriteRegister(4, 0xF2, 0x25)),
                fixed(
                        "6.17 Read/Write Multiple Registers",
                        bytes(
                                0x17, //       function code
                                0x0C, //       byte count 12
                                0x00, 0xFE, // registers read
                                0x0A, 0xCD, //
                                0x00, 0x01, //
                                0x00, 0x03, //
                                0x00, 0x0D, //
                                0x00, 0xFF), //
                        new ModbusResponse.ReadWriteMultipleRegisters(
                                Registers.of(0x00FE, 0x0ACD, 0x0001, 0x0003, 0x000D, 0x00FF))),
                fixed(
                        "6.18 Read FIFO Queue",
                        bytes(
                                0x18, //       function code
                                0x00, 0x06, // byte count 6
                                0x00, 0x02, // FIFO count 2
                                0x01, 0xB8, // FIFO value 440
                                0x12, 0x84), // FIFO value 4740
                        new ModbusResponse.ReadFifoQueue(Registers.of(0x01B8, 0x1284))),
                fixed(
                        "6.21 Read Device Identification, basic stream",
                        concat(
                                bytes(
                                        0x2B, // function code
                                        0x0E, // MEI type 14
                                        0x01, // read device id code: basic
                                        0x01, // conformity level: basic, stream only
                                        0x00, // more follows: no
                                        0x00, // next object id
                                        0x03), // number of objects
                                bytes(0x00, 22), // object 0 VendorName, 22 bytes
                                ascii("Company identification"),
                                bytes(0x01, 15), // object 1 ProductCode, 15 bytes
                                ascii("Product code XX"),
                                bytes(0x02, 5), // object 2 MajorMinorRevision, 5 bytes
                                ascii("V2.11")),
                        new ModbusResponse.ReadDeviceIdentification(
                                1,
                                1,
                                false,
                                0,
                                List.of(
                                        DeviceIdObject.ofString(0, "Company identification"),
                                        DeviceIdObject.ofString(1, "Product code XX"),
                                        DeviceIdObject.ofString(2, "V2.11")))),
                openEnded(
                        "6.20 CANopen General Reference (made-up payload)",
                        bytes(0x2B, 0x0D, 0x00, 0x01, 0x02),
                        new ModbusResponse.EncapsulatedInterface(13, bytes(0x00, 0x01, 0x02))),
                fixed(
                        "7 Exception: Read Coils, illegal data address",
                        bytes(
                                0x81, // function code 1 with the exception bit
                                0x02), // exception code: illegal data address
                        new ModbusResponse.ExceptionResponse(1, ExceptionCode.ILLEGAL_DATA_ADDRESS)),
                openEnded(
                        "user-defined function 65 (made up)",
                        bytes(0x41, 0x01, 0x02),
                        new ModbusResponse.Unknown(0x41, bytes(0x01, 0x02))));
    }

    /** Every example PDU, both directions, framed with transaction 0x1234 for unit 0x11. */
    static List<byte[]> frames() {
        return java.util.stream.Stream.concat(
                        requests().stream().map(Example::pdu),
                        responses().stream().map(Example::pdu))
                .map(pdu -> MbapCodec.encode(MbapFrame.of(0x1234, 0x11, pdu)))
                .toList();
    }
}
