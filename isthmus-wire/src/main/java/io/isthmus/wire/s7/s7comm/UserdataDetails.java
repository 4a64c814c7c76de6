package io.isthmus.wire.s7.s7comm;

import io.isthmus.wire.Attribute;
import io.isthmus.wire.HexText;
import java.util.List;
import java.util.Optional;

/** The attributes and status a userdata PDU adds to its summary. */
final class UserdataDetails {

    private UserdataDetails() {}

    static void add(S7Message.Userdata u, List<Attribute> out) {
        out.add(new Attribute("s7_userdata_type", typeName(u.parameter().type())));
        switch (u.content()) {
            case UserdataContent.SzlRead r -> {
                out.add(new Attribute("szl_id", HexText.of(r.szlId(), 4)));
                out.add(new Attribute("szl_index", HexText.of(r.index(), 4)));
                out.addAll(r.identity());
            }
            case UserdataContent.MoreFollows m -> out.add(new Attribute("s7_more_data_units", "true"));
            case UserdataContent.Opaque o -> {}
        }
    }

    /** The error code of the long parameter form, when not 0. */
    static Optional<String> status(S7Message.Userdata u) {
        int error = u.parameter().errorCode();
        return error == 0 ? Optional.empty() : Optional.of("userdata error " + HexText.of(error, 4));
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x0 -> "push";
            case 0x4 -> "request";
            case 0x8 -> "response";
            case 0x3 -> "nc_push";
            case 0x7 -> "nc_request";
            case 0xB -> "nc_response";
            default -> HexText.of(type, 1);
        };
    }
}
