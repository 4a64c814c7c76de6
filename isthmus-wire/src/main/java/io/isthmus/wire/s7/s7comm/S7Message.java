package io.isthmus.wire.s7.s7comm;

import java.util.List;
import java.util.Optional;

/** The parameter (and the data the sensor needs) of one S7comm PDU, per function. */
public sealed interface S7Message {

    /** Setup Communication (0xF0): parallel jobs each side accepts and the negotiated PDU size. */
    record SetupCommunication(int maxAmqCalling, int maxAmqCalled, int pduLength) implements S7Message {}

    /** Read Var or Write Var job: {@code declaredCount} as sent, {@code items} as decoded. */
    record VarRequest(S7Function function, int declaredCount, List<VarItem> items) implements S7Message {
        public VarRequest {
            items = List.copyOf(items);
        }
    }

    /** Read Var or Write Var ack_data: one return code per item decoded. */
    record VarResponse(S7Function function, int declaredCount, List<S7ReturnCode> returnCodes) implements S7Message {
        public VarResponse {
            returnCodes = List.copyOf(returnCodes);
        }
    }

    /** PLC Stop (0x29) with its PI service name ({@code P_PROGRAM}). */
    record PlcStop(String service) implements S7Message {}

    /**
     * PLC Control (0x28): a PI service and its argument block, both printable; for the block
     * services the argument is a block list, kept as file names ({@code _0A00001P}).
     */
    record PlcControl(String service, String argument, List<String> blocks) implements S7Message {
        public PlcControl {
            blocks = List.copyOf(blocks);
        }
    }

    /** A block download or upload function (0x1A..0x1F) and, in jobs, the file name of the block. */
    record BlockTransfer(S7Function function, Optional<String> fileName) implements S7Message {}

    /** Userdata: the parameter and what was read from the data part. */
    record Userdata(UserdataParameter parameter, UserdataContent content) implements S7Message {}

    /** An ack without parameter (it reports an error for the job with the same PDU reference). */
    record Acknowledgement() implements S7Message {}

    /** A function decoded only by code: CPU services, an unknown code, or a truncated parameter. */
    record OtherFunction(int code) implements S7Message {}
}
