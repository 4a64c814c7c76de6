package io.isthmus.app.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.isthmus.model.Asset;
import io.isthmus.model.AssetId;
import io.isthmus.model.AssetRole;
import io.isthmus.model.IpLiteral;
import io.isthmus.model.MacAddress;
import io.isthmus.model.Protocol;
import io.isthmus.model.PurdueLevel;
import io.isthmus.observe.inventory.AssetLink;
import io.isthmus.observe.inventory.InventoryAsset;
import io.isthmus.observe.inventory.InventorySnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The inventory file ({@code inventory.json}, {@code --inventory FILE}; schema in docs/inventory.md):
 * written from a snapshot, read back as model {@link Asset}s for the next run's diff. Absent values
 * are left out, never {@code null}.
 */
public final class InventoryJson {
    /** Bumped when a field changes meaning; a reader refuses a newer version. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private InventoryJson() {}

    public record FileJson(
            int version,
            String generated,
            String ouiSource,
            long evictedAssets,
            long evictedLinks,
            List<AssetJson> assets,
            List<LinkJson> links) {}

    public record AssetJson(
            String id,
            String name,
            List<String> ips,
            List<String> macs,
            String vendor,
            String ouiVendor,
            String model,
            String firmware,
            String serial,
            String role,
            List<String> roleEvidence,
            String level,
            String levelConfidence,
            String levelReason,
            String zone,
            List<String> protocols,
            List<String> identityEvidence,
            Map<String, String> identityAttributes,
            List<String> peers,
            int peerCount,
            String firstSeen,
            String lastSeen) {}

    public record LinkJson(
            String client,
            String server,
            String service,
            List<String> access,
            long requests,
            long responses,
            long packets,
            long bytes,
            long flows,
            Long pollIntervalMicros,
            Map<String, Long> functions,
            String firstSeen,
            String lastSeen) {}

    public static FileJson of(InventorySnapshot s, Instant generated) {
        List<AssetJson> assets = s.assets().stream().map(InventoryJson::asset).toList();
        List<LinkJson> links = s.links().stream().map(InventoryJson::link).toList();
        return new FileJson(
                VERSION, generated.toString(), s.ouiSource(), s.evictedAssets(), s.evictedLinks(), assets, links);
    }

    static AssetJson asset(InventoryAsset a) {
        Asset m = a.asset();
        return new AssetJson(
                m.id().value(),
                a.name().orElse(null),
                m.ips().stream().map(IpLiteral::format).sorted().toList(),
                m.macs().stream().sorted().map(MacAddress::toString).toList(),
                m.identity().vendor().orElse(null),
                a.ouiVendor().orElse(null),
                m.identity().model().orElse(null),
                m.identity().firmware().orElse(null),
                m.identity().serial().orElse(null),
                m.role().name(),
                a.roleEvidence(),
                m.purdueLevel().map(PurdueLevel::label).orElse(null),
                a.levelConfidence().name(),
                a.levelReason(),
                m.zone().orElse(null),
                m.protocols().stream().map(Protocol::id).sorted().toList(),
                a.identityEvidence(),
                new TreeMap<>(a.identityAttributes()),
                a.peers().stream().map(AssetId::value).toList(),
                a.peerCount(),
                m.firstSeen().toString(),
                m.lastSeen().toString());
    }

    static LinkJson link(AssetLink l) {
        return new LinkJson(
                l.client().value(),
                l.server().value(),
                l.service().label(),
                l.access().stream().sorted().map(k -> k.id()).toList(),
                l.requests(),
                l.responses(),
                l.packets(),
                l.bytes(),
                l.flows(),
                l.pollInterval().map(d -> d.toNanos() / 1_000).orElse(null),
                new TreeMap<>(l.functions()),
                l.firstSeen().toString(),
                l.lastSeen().toString());
    }

    public static void write(Path file, FileJson inventory) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), inventory);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    public static String text(FileJson inventory) throws JsonProcessingException {
        return JSON.writeValueAsString(inventory);
    }

    /**
     * A previous run's assets. A file that is not an inventory, or an asset with an impossible value,
     * is refused with the file and the asset named: the diff must not invent changes.
     */
    public static List<Asset> readAssets(Path file) throws IOException {
        FileJson f;
        try {
            f = JSON.readValue(file.toFile(), FileJson.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not an Isthmus inventory file: " + e.getOriginalMessage(), e);
        }
        if (f == null || f.version() < 1 || f.version() > VERSION || f.assets() == null) {
            throw new IllegalArgumentException(file + ": not an inventory file of version 1..." + VERSION
                    + (f == null ? "" : " (version " + f.version() + ")"));
        }
        List<Asset> out = new ArrayList<>(f.assets().size());
        for (AssetJson a : f.assets()) {
            try {
                out.add(toAsset(a));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        file + ": asset " + (a == null ? "null" : a.id()) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    static Asset toAsset(AssetJson a) {
        return new Asset(
                new AssetId(a.id()),
                list(a.macs()).stream().map(MacAddress::parse).collect(Collectors.toSet()),
                list(a.ips()).stream().map(IpLiteral::parse).collect(Collectors.toSet()),
                new Asset.Identity(
                        Optional.ofNullable(a.vendor()),
                        Optional.ofNullable(a.model()),
                        Optional.ofNullable(a.firmware()),
                        Optional.ofNullable(a.serial())),
                AssetRole.valueOf(a.role() == null ? "UNKNOWN" : a.role()),
                Optional.ofNullable(a.level()).map(PurdueLevel::parse),
                Optional.ofNullable(a.zone()),
                list(a.protocols()).stream().map(Protocol::fromId).collect(Collectors.toSet()),
                Instant.parse(a.firstSeen()),
                Instant.parse(a.lastSeen()));
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
