package io.isthmus.observe.inventory;

import io.isthmus.model.AssetId;
import io.isthmus.model.MacAddress;
import io.isthmus.observe.session.FlowSummary;
import io.isthmus.observe.session.Observation;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.packet.IpAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the asset inventory from a capture's {@link Observation}s and {@link FlowSummary}s, in
 * capture order, single-threaded. Assets are found by IP address and by MAC: an IP asset takes the
 * MAC its packets come from, unless that MAC has carried {@link InventoryLimits#routerThreshold}
 * addresses, which makes it a router's (an asset of its own, network infrastructure); frames
 * without IP (PROFINET DCP) make MAC-only assets that adopt the first IP seen with their MAC. An
 * asset's id is its first IP ({@code ip:10.0.0.7}), or its MAC when it was first seen without IP.
 *
 * <p>Memory is bounded: at most {@link InventoryLimits#maxAssets} assets and {@link
 * InventoryLimits#maxLinks} links, each least-recently-seen first out, evictions counted.
 */
public final class Inventory {
    /** Peers listed per asset in a snapshot; {@link InventoryAsset#peerCount} has them all. */
    public static final int MAX_PEERS_LISTED = 64;

    private final InventoryLimits limits;
    private final OuiRegistry oui;
    private final InventoryOverrides overrides;
    private final LinkedHashMap<AssetId, AssetState> assets = new LinkedHashMap<>(1024, 0.75f, true);
    private final Map<IpAddress, AssetState> byIp = new HashMap<>();
    private final Map<Long, AssetState> byMac = new HashMap<>();
    /** IPs seen behind a MAC that already belongs to another asset: router detection. */
    private final Map<Long, Set<IpAddress>> sharedMacs = new HashMap<>();

    private final LinkedHashMap<LinkKey, LinkState> links = new LinkedHashMap<>(1024, 0.75f, true);
    private long evictedAssets;
    private long evictedLinks;

    public Inventory(InventoryLimits limits, OuiRegistry oui, InventoryOverrides overrides) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.oui = Objects.requireNonNull(oui, "oui");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
    }

    private record LinkKey(AssetId client, AssetId server, Service service) {}

    /** One application message: its endpoints, the link between them, identity the sender reports. */
    public void observe(Observation o) {
        long ts = o.timestampNanos();
        AssetState src = endpoint(o.src(), o.srcMac(), ts);
        AssetState dst = endpoint(o.dst(), o.dstMac(), ts);
        MessageSummary m = o.message();
        if (src != null) {
            src.protocols.add(m.protocol());
            IdentityClaim.of(o).ifPresent(c -> src.claim(c, limits.maxIdentityAttributes()));
        }
        if (dst == null || src == null || dst == src) {
            return;
        }
        dst.protocols.add(m.protocol());
        boolean request = m.direction() == Direction.REQUEST;
        boolean srcServes = serverSide(m, o.srcPort(), o.dstPort(), !request);
        int transport = o.flow().map(k -> k.protocol()).orElse(0);
        Service service = Service.of(m.protocol(), transport, srcServes ? o.srcPort() : o.dstPort());
        LinkState link = srcServes ? link(dst, src, service, ts) : link(src, dst, service, ts);
        if (link == null) {
            return;
        }
        if (request) {
            link.request(m.access(), m.functionName(), ts);
        } else {
            link.responses++;
        }
    }

    /**
     * Whether the sender is the server of the connection: the side on the protocol's well-known
     * port, else the side the message direction says. The port decides first because in some
     * exchanges the server sends requests (an S7 PLC sends Download Block jobs to the engineering
     * station that asked it to take a block), and the link's client is who opened the conversation.
     */
    private static boolean serverSide(MessageSummary m, int srcPort, int dstPort, boolean byDirection) {
        int wellKnown = m.protocol().wellKnownPort().orElse(-1);
        if (srcPort != dstPort && srcPort == wellKnown) {
            return true;
        }
        if (srcPort != dstPort && dstPort == wellKnown) {
            return false;
        }
        return byDirection;
    }

    /** One flow as it left the flow table: its endpoints, and its volume on their link. */
    public void flow(FlowSummary f) {
        // a capture that starts mid-connection can make the flow layer take the server for the
        // client; the protocol's well-known port corrects it, as for observations
        boolean swap = f.protocol()
                .map(p -> f.clientPort() != f.serverPort() && p.wellKnownPort().orElse(-1) == f.clientPort())
                .orElse(false);
        AssetState client = endpoint(
                Optional.of(swap ? f.server() : f.client()), swap ? f.serverMac() : f.clientMac(), f.firstNanos());
        AssetState server = endpoint(
                Optional.of(swap ? f.client() : f.server()), swap ? f.clientMac() : f.serverMac(), f.lastNanos());
        if (client == null || server == null || client == server) {
            return;
        }
        client.seen(f.lastNanos());
        server.seen(f.lastNanos());
        Service service = new Service(f.protocol(), f.transport(), swap ? f.clientPort() : f.serverPort());
        LinkState link = link(client, server, service, f.firstNanos());
        if (link != null) {
            link.seen(f.lastNanos());
            link.flows++;
            link.packets += f.packetsToServer() + f.packetsToClient();
            link.bytes += f.bytesToServer() + f.bytesToClient();
        }
    }

    /** The asset behind an address pair, created when new; null for broadcast and multicast. */
    private AssetState endpoint(Optional<IpAddress> ip, long mac, long ts) {
        long usableMac = mac >= 0 && !new MacAddress(mac).isMulticast() ? mac : -1;
        AssetState a;
        if (ip.isPresent()) {
            if (isGroup(ip.get()) || (mac >= 0 && usableMac < 0)) {
                return null;
            }
            a = ipAsset(ip.get(), usableMac, ts);
        } else if (usableMac >= 0) {
            a = byMac.get(usableMac);
            if (a == null) {
                a = add(new AssetState(AssetId.of(new MacAddress(usableMac)), ts, false));
                a.macs.add(usableMac);
                byMac.put(usableMac, a);
            }
        } else {
            return null;
        }
        a.seen(ts);
        assets.get(a.id); // access order: the least recently seen is evicted first
        return a;
    }

    private AssetState ipAsset(IpAddress ip, long mac, long ts) {
        AssetState a = byIp.get(ip);
        if (a == null) {
            AssetState macOwner = mac >= 0 ? byMac.get(mac) : null;
            if (macOwner != null && macOwner.ips.isEmpty() && !macOwner.router) {
                a = macOwner;
            } else {
                a = add(new AssetState(AssetId.of(ip.toInetAddress()), ts, false));
            }
            if (a.ips.size() < limits.maxAddressesPerAsset()) {
                a.ips.add(ip);
                byIp.put(ip, a);
            }
        }
        if (mac >= 0) {
            noteMac(a, ip, mac, ts);
        }
        return a;
    }

    /** Attaches a MAC to an IP asset, or finds out that the MAC is a router's. */
    private void noteMac(AssetState a, IpAddress ip, long mac, long ts) {
        AssetState owner = byMac.get(mac);
        if (owner == a) {
            return;
        }
        if (owner == null) {
            if (a.macs.size() < limits.maxAddressesPerAsset()) {
                a.macs.add(mac);
                byMac.put(mac, a);
            }
            return;
        }
        if (owner.router) {
            owner.seen(ts);
            return;
        }
        Set<IpAddress> behind = sharedMacs.computeIfAbsent(mac, k -> new LinkedHashSet<>());
        owner.ips.stream().findFirst().ifPresent(behind::add);
        behind.add(ip);
        if (behind.size() >= limits.routerThreshold()) {
            sharedMacs.remove(mac);
            AssetState router = add(new AssetState(AssetId.of(new MacAddress(mac)), ts, true));
            router.macs.add(mac);
            byMac.put(mac, router);
            for (IpAddress i : behind) {
                AssetState behindAsset = byIp.get(i);
                if (behindAsset != null) {
                    behindAsset.macs.remove(mac);
                }
            }
            owner.macs.remove(mac);
        } else if (sharedMacs.size() > limits.maxAssets()) {
            sharedMacs.clear(); // bounded; router detection restarts
        }
    }

    private static boolean isGroup(IpAddress ip) {
        if (!ip.isIpv4()) {
            return (ip.high() >>> 56) == 0xFF;
        }
        int v4 = (int) ip.low();
        return v4 == -1 || (v4 >>> 28) == 0xE;
    }

    private AssetState add(AssetState a) {
        assets.put(a.id, a);
        if (assets.size() > limits.maxAssets()) {
            Iterator<AssetState> it = assets.values().iterator();
            AssetState eldest = it.next();
            it.remove();
            forget(eldest);
        }
        return a;
    }

    private void forget(AssetState a) {
        a.evicted = true;
        evictedAssets++;
        a.ips.forEach(ip -> byIp.remove(ip, a));
        a.macs.forEach(mac -> byMac.remove(mac, a));
    }

    private LinkState link(AssetState client, AssetState server, Service service, long ts) {
        if (client.evicted || server.evicted) {
            return null;
        }
        LinkKey key = new LinkKey(client.id, server.id, service);
        LinkState l = links.get(key);
        if (l == null || l.client != client || l.server != server) {
            l = new LinkState(client, server, service, ts);
            links.put(key, l);
            if (links.size() > limits.maxLinks()) {
                Iterator<LinkState> it = links.values().iterator();
                it.next();
                it.remove();
                evictedLinks++;
            }
        }
        l.seen(ts);
        return l;
    }

    /** Assets held now (at most {@link InventoryLimits#maxAssets}). */
    public int assetCount() {
        return assets.size();
    }

    /** Links held now (at most {@link InventoryLimits#maxLinks}). */
    public int linkCount() {
        return links.size();
    }

    public long evictedAssets() {
        return evictedAssets;
    }

    public long evictedLinks() {
        return evictedLinks;
    }

    /** The inventory as it stands: roles, levels and vendors decided now. */
    public InventorySnapshot snapshot() {
        List<LinkState> live = links.values().stream()
                .filter(l -> !l.client.evicted && !l.server.evicted)
                .toList();
        Map<AssetState, List<LinkState>> asClient = new HashMap<>();
        Map<AssetState, List<LinkState>> asServer = new HashMap<>();
        for (LinkState l : live) {
            asClient.computeIfAbsent(l.client, k -> new ArrayList<>()).add(l);
            asServer.computeIfAbsent(l.server, k -> new ArrayList<>()).add(l);
        }
        List<InventoryAsset> out = new ArrayList<>(assets.size());
        for (AssetState a : assets.values()) {
            List<LinkState> c = asClient.getOrDefault(a, List.of());
            List<LinkState> s = asServer.getOrDefault(a, List.of());
            out.add(AssetView.of(a, c, s, peers(a, c, s), oui, overrides.match(a)));
        }
        out.sort((x, y) -> x.id().value().compareTo(y.id().value()));
        List<AssetLink> edges = live.stream()
                .map(AssetView::link)
                .sorted((x, y) -> {
                    int k = x.client().value().compareTo(y.client().value());
                    k = k != 0 ? k : x.server().value().compareTo(y.server().value());
                    return k != 0 ? k : x.service().compareTo(y.service());
                })
                .toList();
        return new InventorySnapshot(out, edges, evictedAssets, evictedLinks, oui.source());
    }

    private static Set<AssetId> peers(AssetState a, List<LinkState> c, List<LinkState> s) {
        Set<AssetId> p = new HashSet<>();
        c.forEach(l -> p.add(l.server.id));
        s.forEach(l -> p.add(l.client.id));
        p.remove(a.id);
        return p;
    }
}
