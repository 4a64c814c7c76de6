package io.isthmus.wire.opcua.encoding;

/**
 * A NodeId as OPC UA Binary encodes it (IEC 62541-6 §5.2.2.9): an encoding byte, a namespace
 * index and an identifier. Only numeric identifiers are kept; for string, GUID and opaque
 * identifiers the length is recorded and the bytes are skipped, since a dissector needs them only
 * to find where the next field starts.
 *
 * @param numeric the identifier for the numeric encodings, 0 otherwise
 * @param identifierLength the identifier's length in bytes on the wire
 * @param expanded true when the ExpandedNodeId flags (namespace URI 0x80, server index 0x40) were
 *     set (§5.2.2.10)
 */
public record NodeId(int namespaceIndex, IdType type, long numeric, int identifierLength, boolean expanded) {

    /** The identifier types by their encoding-byte value (§5.2.2.9, Table 14). */
    public enum IdType {
        TWO_BYTE(0),
        FOUR_BYTE(1),
        NUMERIC(2),
        STRING(3),
        GUID(4),
        BYTE_STRING(5),
        UNKNOWN(-1);

        private final int code;

        IdType(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** The constants, cloned once: {@code values()} copies its array on every call. */
        private static final IdType[] VALUES = values();

        static IdType of(int code) {
            for (IdType t : VALUES) {
                if (t.code == code) {
                    return t;
                }
            }
            return UNKNOWN;
        }

        boolean numeric() {
            return this == TWO_BYTE || this == FOUR_BYTE || this == NUMERIC;
        }
    }

    private static final int NAMESPACE_URI_FLAG = 0x80;
    private static final int SERVER_INDEX_FLAG = 0x40;

    /** True for a numeric identifier in namespace 0, the form every service TypeId takes. */
    public boolean isNamespaceZeroNumeric() {
        return namespaceIndex == 0 && type.numeric() && !expanded;
    }

    /** The NodeId in the spec's string form, {@code ns=1;i=5} or {@code ns=2;s=<12 bytes>}. */
    public String describe() {
        String ns = namespaceIndex == 0 ? "" : "ns=" + namespaceIndex + ";";
        return switch (type) {
            case TWO_BYTE, FOUR_BYTE, NUMERIC -> ns + "i=" + numeric;
            case STRING -> ns + "s=<" + identifierLength + " bytes>";
            case GUID -> ns + "g=<guid>";
            case BYTE_STRING -> ns + "b=<" + identifierLength + " bytes>";
            case UNKNOWN -> "<unknown NodeId encoding>";
        };
    }

    /**
     * Reads a NodeId, or an ExpandedNodeId when its flags are set. An unknown encoding fails the
     * reader, since the field's length and so everything after it is unknown.
     */
    public static NodeId read(UaBinaryReader r, String field, int maxIdentifierBytes) {
        int encoding = r.u8(field);
        IdType type = IdType.of(encoding & 0x0F);
        if (type == IdType.UNKNOWN) {
            r.invalid(field + ".EncodingByte", encoding);
            return new NodeId(0, type, 0, 0, false);
        }
        NodeId id = readIdentifier(r, field, type, maxIdentifierBytes);
        if ((encoding & NAMESPACE_URI_FLAG) != 0) {
            r.skipBytes(field + ".NamespaceUri", maxIdentifierBytes);
        }
        if ((encoding & SERVER_INDEX_FLAG) != 0) {
            r.u32(field + ".ServerIndex");
        }
        boolean expanded = (encoding & (NAMESPACE_URI_FLAG | SERVER_INDEX_FLAG)) != 0;
        return new NodeId(id.namespaceIndex, id.type, id.numeric, id.identifierLength, expanded);
    }

    private static NodeId readIdentifier(UaBinaryReader r, String field, IdType type, int maxBytes) {
        return switch (type) {
            case TWO_BYTE -> new NodeId(0, type, r.u8(field), 1, false);
            case FOUR_BYTE -> new NodeId(r.u8(field), type, r.u16(field), 2, false);
            case NUMERIC -> new NodeId(r.u16(field), type, r.u32(field), 4, false);
            case STRING, BYTE_STRING -> {
                int ns = r.u16(field);
                yield new NodeId(ns, type, 0, r.skipBytes(field, maxBytes), false);
            }
            case GUID -> {
                int ns = r.u16(field);
                r.skip(16, field);
                yield new NodeId(ns, type, 0, 16, false);
            }
            case UNKNOWN -> new NodeId(0, type, 0, 0, false);
        };
    }
}
