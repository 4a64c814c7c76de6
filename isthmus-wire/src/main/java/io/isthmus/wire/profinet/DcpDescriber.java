package io.isthmus.wire.profinet;

import java.util.List;

/**
 * Turns DCP blocks into summary attributes and status. Identify request blocks are filters (the
 * name searched for, not the device's), so they get {@code identify_filter*} names.
 */
final class DcpDescriber {
    private DcpDescriber() {}

    static void describe(DcpHeader header, List<DcpBlocks.Entry> entries, DcpSummary s) {
        boolean filter =
                header.service() == DcpService.IDENTIFY && !header.type().response();
        if (header.type() == DcpServiceType.RESPONSE_NOT_SUPPORTED) {
            s.statusIfAbsent("request not supported");
        }
        if (filter) {
            s.attribute("response_delay", header.responseDelay());
        }
        boolean qualified = false;
        for (DcpBlocks.Entry e : entries) {
            block(e.block(), filter, header, s);
            boolean setParameter = header.service() == DcpService.SET
                    && !header.type().response()
                    && !(e.block() instanceof DcpBlock.Control);
            if (setParameter && !qualified && e.infoOrQualifier().isPresent()) {
                s.attribute("qualifier", (e.infoOrQualifier().getAsInt() & 1) == 1 ? "permanent" : "temporary");
                qualified = true;
            }
            if (e.block() instanceof DcpBlock.IpParameter && header.type().response()) {
                e.infoOrQualifier().ifPresent(info -> s.attribute("ip_block_info", ipInfo(info)));
            }
        }
    }

    private static void block(DcpBlock block, boolean filter, DcpHeader header, DcpSummary s) {
        switch (block) {
            case DcpBlock.MacAddress m -> s.attribute("mac", m.mac());
            case DcpBlock.IpParameter ip ->
                s.attribute("ip", ip.ip()).attribute("netmask", ip.netmask()).attribute("gateway", ip.gateway());
            case DcpBlock.TypeOfStation t -> s.attribute("type_of_station", t.text());
            case DcpBlock.NameOfStation n ->
                s.attribute(filter ? "identify_filter_station_name" : "station_name", n.name());
            case DcpBlock.DeviceId d ->
                s.attribute(d.oem() ? "oem_vendor_id" : "vendor_id", hex(d.vendorId()))
                        .attribute(d.oem() ? "oem_device_id" : "device_id", hex(d.deviceId()));
            case DcpBlock.DeviceRole r -> s.attribute("device_role", DeviceProperties.role(r.role()));
            case DcpBlock.DeviceOptions o -> s.attribute("device_options", o.count());
            case DcpBlock.AliasName a -> s.attribute(filter ? "identify_filter_alias_name" : "alias_name", a.name());
            case DcpBlock.DeviceInstance i -> s.attribute("device_instance", i.high() + "." + i.low());
            case DcpBlock.Dhcp d -> s.attribute("dhcp_option", d.suboption());
            case DcpBlock.Control c -> {
                s.attribute("control", c.action().specName());
                if (c.action() == DcpBlock.ControlAction.SIGNAL) {
                    s.attribute("signal_value", hex(c.value()));
                }
            }
            case DcpBlock.Response r -> {
                String which = r.option() + "/" + r.suboption();
                s.attribute("acknowledged", which + " " + r.error().specName());
                if (r.error() != BlockError.OK) {
                    s.statusIfAbsent(which + ": " + r.error().specName());
                }
            }
            case DcpBlock.DeviceInitiative d ->
                s.attribute("device_initiative", (d.value() & 1) == 1 ? "hello after power-on" : "no hello");
            case DcpBlock.AllSelector a -> s.attribute("identify_filter", "all");
            case DcpBlock.Other o ->
                s.attribute(
                        header.service() == DcpService.GET && !header.type().response() ? "requested" : "block",
                        o.option() + "/" + o.suboption());
        }
    }

    /** BlockInfo of the IP parameter (IEC 61158-6-10): set or not, by DHCP, address conflict. */
    private static String ipInfo(int info) {
        String state = switch (info & 0x03) {
            case 1 -> "IP set";
            case 2 -> "IP set by DHCP";
            default -> "IP not set";
        };
        return (info & 0x80) != 0 ? state + " (address conflict detected)" : state;
    }

    private static String hex(int value) {
        return String.format("0x%04x", value);
    }
}
