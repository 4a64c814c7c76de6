package io.isthmus.wire.s7.s7comm;

import io.isthmus.wire.Attribute;
import io.isthmus.wire.MessageSummary;

/** The attributes and status a userdata PDU adds to its summary. */
final class UserdataDetails {

    private UserdataDetails() {}

    static MessageSummary add(MessageSummary s, S7Message.Userdata u) {
        UserdataParameter p = u.parameter();
        MessageSummary out = s.withAttribute("s7_userdata_type", typeName(p.type()));
        if (p.errorCode() != 0) {
            out = out.withStatus(String.format("userdata error 0x%04X", p.errorCode()));
        }
        return switch (u.content()) {
            case UserdataContent.SzlRead r -> szl(out, r);
            case UserdataContent.MoreFollows m -> out.withAttribute("s7_more_data_units", "true");
            case UserdataContent.Opaque o -> out;
        };
    }

    private static MessageSummary szl(MessageSummary s, UserdataContent.SzlRead r) {
        MessageSummary out = s.withAttribute("szl_id", String.format("0x%04X", r.szlId()))
                .withAttribute("szl_index", String.format("0x%04X", r.index()));
        for (Attribute a : r.identity()) {
            out = out.withAttribute(a.name(), a.value());
        }
        return out;
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x0 -> "push";
            case 0x4 -> "request";
            case 0x8 -> "response";
            case 0x3 -> "nc_push";
            case 0x7 -> "nc_request";
            case 0xB -> "nc_response";
            default -> String.format("0x%X", type);
        };
    }
}
