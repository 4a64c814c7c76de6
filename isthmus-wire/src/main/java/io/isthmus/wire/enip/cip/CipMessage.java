package io.isthmus.wire.enip.cip;

import java.util.List;

/**
 * One CIP explicit message (Volume 1 section 2-4: Message Router request and response formats).
 * Multiple Service Packet and Unconnected Send carry further messages, decoded into {@code
 * embedded} in wire order.
 */
public sealed interface CipMessage {

    /** The service code without the response bit. */
    int service();

    List<CipMessage> embedded();

    /** A request: service, request path, and the messages it carries. */
    record Request(int service, EPath path, List<CipMessage> embedded) implements CipMessage {
        public Request {
            embedded = List.copyOf(embedded);
        }
    }

    /**
     * A response: service (response bit removed), general status and the 16-bit words of the
     * additional (extended) status.
     */
    record Response(int service, int generalStatus, List<Integer> extendedStatus, List<CipMessage> embedded)
            implements CipMessage {
        public Response {
            extendedStatus = List.copyOf(extendedStatus);
            embedded = List.copyOf(embedded);
        }

        public CipGeneralStatus status() {
            return CipGeneralStatus.of(generalStatus);
        }
    }
}
