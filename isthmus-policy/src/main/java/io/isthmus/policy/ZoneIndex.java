package io.isthmus.policy;

import io.isthmus.model.IpNetwork;
import io.isthmus.model.Zone;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Address to zone, fast: IPv4 networks as (network, mask) ints scanned without allocation beyond
 * the address bytes, IPv6 through {@link IpNetwork#contains}. Validation guarantees networks do
 * not overlap, so the first match is the only one.
 */
final class ZoneIndex {
    static final int NONE = -1;

    private final int[] v4Network;
    private final int[] v4Mask;
    private final int[] v4Zone;
    private final List<IpNetwork> v6Networks = new ArrayList<>();
    private final List<Integer> v6Zone = new ArrayList<>();

    ZoneIndex(List<Zone> zones) {
        List<int[]> v4 = new ArrayList<>();
        for (int z = 0; z < zones.size(); z++) {
            for (IpNetwork n : zones.get(z).networks()) {
                if (n.isIpv4()) {
                    int mask = n.prefixLength() == 0 ? 0 : -1 << (32 - n.prefixLength());
                    v4.add(new int[] {toInt(n.address().getAddress()), mask, z});
                } else {
                    v6Networks.add(n);
                    v6Zone.add(z);
                }
            }
        }
        v4Network = v4.stream().mapToInt(a -> a[0]).toArray();
        v4Mask = v4.stream().mapToInt(a -> a[1]).toArray();
        v4Zone = v4.stream().mapToInt(a -> a[2]).toArray();
    }

    /** The index of the zone holding the address, or {@link #NONE}. */
    int zoneOf(InetAddress address) {
        if (address instanceof Inet4Address) {
            return zoneOfIpv4(toInt(address.getAddress()));
        }
        for (int i = 0; i < v6Networks.size(); i++) {
            if (v6Networks.get(i).contains(address)) {
                return v6Zone.get(i);
            }
        }
        return NONE;
    }

    int zoneOfIpv4(int address) {
        for (int i = 0; i < v4Network.length; i++) {
            if ((address & v4Mask[i]) == v4Network[i]) {
                return v4Zone[i];
            }
        }
        return NONE;
    }

    private static int toInt(byte[] a) {
        return ((a[0] & 0xFF) << 24) | ((a[1] & 0xFF) << 16) | ((a[2] & 0xFF) << 8) | (a[3] & 0xFF);
    }
}
