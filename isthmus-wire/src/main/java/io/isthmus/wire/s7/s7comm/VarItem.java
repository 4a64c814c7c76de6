package io.isthmus.wire.s7.s7comm;

import io.isthmus.wire.AttributeSink;

/** One item of a Read Var or Write Var request parameter (variable specification 0x12). */
public sealed interface VarItem {

    /** The item as STEP 7 writes it, e.g. {@code DB1 16.0 BYTE[4]} or {@code M 0.0 BIT[1]}. */
    String notation();

    /** Appends {@link #notation()} to the current attribute value without making the string. */
    void appendTo(AttributeSink out);

    /**
     * Syntax id 0x10 (S7ANY): {@code count} elements of {@code type} from {@code byteAddress} and
     * {@code bitAddress} in {@code area}, data block {@code dbNumber} for DB and DI.
     */
    record S7Any(
            S7TransportSize type, int typeCode, int count, int dbNumber, S7Area area, int byteAddress, int bitAddress)
            implements VarItem {
        @Override
        public String notation() {
            String where = area.isDataBlock() ? area.letter() + dbNumber : area.letter();
            String typeName = type == S7TransportSize.UNKNOWN ? "TYPE" + typeCode : type.name();
            return where + " " + byteAddress + "." + bitAddress + " " + typeName + "[" + count + "]";
        }

        @Override
        public void appendTo(AttributeSink out) {
            out.text(area.letter());
            if (area.isDataBlock()) {
                out.decimal(dbNumber);
            }
            out.text(" ");
            out.decimal(byteAddress);
            out.text(".");
            out.decimal(bitAddress);
            out.text(" ");
            if (type == S7TransportSize.UNKNOWN) {
                out.text("TYPE");
                out.decimal(typeCode);
            } else {
                out.text(type.name());
            }
            out.text("[");
            out.decimal(count);
            out.text("]");
        }
    }

    /** Another addressing syntax (DBREAD, 1200SYM, NCK, ...), kept by id only. */
    record Other(int syntaxId, int length) implements VarItem {
        @Override
        public String notation() {
            return String.format("syntax 0x%02X (%d octets)", syntaxId, length);
        }

        @Override
        public void appendTo(AttributeSink out) {
            out.text(notation());
        }
    }
}
