package io.isthmus.app.hub;

import io.isthmus.app.console.TagJson;
import io.isthmus.model.AssetId;
import io.isthmus.model.IpLiteral;
import io.isthmus.model.TagPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which asset a machine's faults are about: the PLC its tags are read from, named as the passive
 * sensor names it (observe.inventory and observe.detect key assets by IP: {@code ip:10.1.1.20}),
 * so that a network alert on that PLC and the machine's fault share an asset and correlate. The
 * PLC's address comes from the tag catalog (the edges' tag configurations): the source of the
 * machine's tags, shown as {@code id (kind://host:port)}. A host name that is not an IP literal
 * gives {@code host:NAME}; a machine without a catalog entry is named by its equipment path.
 */
final class MachineAssets {
    private final Map<String, AssetId> byEquipment = new HashMap<>();
    private final Map<String, String> endpoints = new HashMap<>();

    MachineAssets(List<TagJson> catalog) {
        for (TagJson t : catalog) {
            TagPath path;
            try {
                path = TagPath.parse(t.path());
            } catch (RuntimeException e) {
                continue;
            }
            endpoint(t.source()).ifPresent(ep -> {
                byEquipment.putIfAbsent(path.equipmentPath(), assetOf(host(ep)));
                endpoints.putIfAbsent(path.equipmentPath(), ep);
            });
        }
    }

    /** The asset of the machine that owns {@code tag}. */
    AssetId assetOf(TagPath tag) {
        AssetId known = byEquipment.get(tag.equipmentPath());
        if (known != null) {
            return known;
        }
        String name = "equipment:" + tag.equipmentPath();
        return new AssetId(name.length() <= AssetId.MAX_LENGTH ? name : name.substring(0, AssetId.MAX_LENGTH));
    }

    /** {@code host:port} of the machine's PLC, when the catalog knows it. */
    Optional<String> endpointOf(TagPath tag) {
        return Optional.ofNullable(endpoints.get(tag.equipmentPath()));
    }

    /** {@code 127.0.0.1:5020} from {@code conveyor (modbus://127.0.0.1:5020)}. */
    static Optional<String> endpoint(String source) {
        int scheme = source.indexOf("://");
        if (scheme < 0) {
            return Optional.empty();
        }
        int end = source.indexOf(')', scheme);
        String rest = source.substring(scheme + 3, end < 0 ? source.length() : end);
        int slash = rest.indexOf('/');
        rest = slash < 0 ? rest : rest.substring(0, slash);
        return rest.isEmpty() ? Optional.empty() : Optional.of(rest);
    }

    /** The host of {@code host:port}, {@code [v6]:port} or a bare host. */
    static String host(String endpoint) {
        if (endpoint.startsWith("[")) {
            int close = endpoint.indexOf(']');
            return close < 0 ? endpoint : endpoint.substring(1, close);
        }
        int colon = endpoint.lastIndexOf(':');
        return colon < 0 || endpoint.indexOf(':') != colon ? endpoint : endpoint.substring(0, colon);
    }

    static AssetId assetOf(String host) {
        try {
            return AssetId.of(IpLiteral.parse(host));
        } catch (RuntimeException e) {
            return new AssetId("host:" + host);
        }
    }
}
