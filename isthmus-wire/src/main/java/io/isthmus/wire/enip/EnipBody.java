package io.isthmus.wire.enip;

import io.isthmus.wire.enip.cip.CipMessage;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** What an encapsulation message carries, per command (CIP Volume 2 section 2-4 and 2-5). */
public sealed interface EnipBody {

    /** No data (NOP, the list requests, UnRegisterSession) or data a sensor does not need. */
    record Empty() implements EnipBody {}

    /** ListIdentity reply: one identity per CIP identity item. */
    record Identities(List<IdentityItem> identities) implements EnipBody {
        public Identities {
            identities = List.copyOf(identities);
        }
    }

    /** ListServices reply: the names of the services offered ("Communications"). */
    record Services(List<String> names) implements EnipBody {
        public Services {
            names = List.copyOf(names);
        }
    }

    /** RegisterSession: protocol version and options flags. */
    record Session(int protocolVersion, int optionFlags) implements EnipBody {}

    /**
     * SendRRData or SendUnitData: the CIP messages of the data items, and for connected messages
     * the connection id of the address item (32 bits) and the sequence count that opens the data
     * item (16 bits).
     */
    record SendData(List<CipMessage> messages, OptionalLong connectionId, OptionalInt sequenceCount)
            implements EnipBody {
        public SendData {
            messages = List.copyOf(messages);
            if (connectionId.isPresent() && (connectionId.getAsLong() >>> 32) != 0) {
                throw new IllegalArgumentException("connection id above 32 bits: " + connectionId.getAsLong());
            }
            if (sequenceCount.isPresent() && (sequenceCount.getAsInt() >>> 16) != 0) {
                throw new IllegalArgumentException("sequence count above 16 bits: " + sequenceCount.getAsInt());
            }
        }
    }
}
