package io.isthmus.wire.s7.cotp;

/** One decoded COTP TPDU (ISO 8073 section 13), as class 0 over RFC 1006 uses them. */
public sealed interface CotpTpdu {

    CotpTpduType type();

    /** CR or CC: the connection establishment pair (sections 13.3 and 13.4). */
    record Connection(
            CotpTpduType type,
            int destinationReference,
            int sourceReference,
            int protocolClass,
            CotpConnectionParameters parameters)
            implements CotpTpdu {}

    /**
     * DT (section 13.7): user data from {@code payloadOffset} (absolute) for {@code payloadLength}
     * octets; {@code endOfTsdu} marks the last fragment of a TSDU.
     */
    record Data(int tpduNumber, boolean endOfTsdu, int payloadOffset, int payloadLength) implements CotpTpdu {
        @Override
        public CotpTpduType type() {
            return CotpTpduType.DATA;
        }
    }

    /** DR or DC (sections 13.5 and 13.6); {@code reason} is -1 for DC, which has none. */
    record Disconnect(CotpTpduType type, int destinationReference, int sourceReference, int reason)
            implements CotpTpdu {}

    /** ER (section 13.12): the peer rejected a TPDU for {@code rejectCause}. */
    record Error(int destinationReference, int rejectCause) implements CotpTpdu {
        @Override
        public CotpTpduType type() {
            return CotpTpduType.TPDU_ERROR;
        }
    }

    /** A TPDU class 0 does not use (ED, AK, EA, RJ) or an undefined code. */
    record Other(CotpTpduType type, int codeOctet) implements CotpTpdu {}
}
