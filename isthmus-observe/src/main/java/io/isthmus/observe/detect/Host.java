package io.isthmus.observe.detect;

import io.isthmus.model.AssetId;
import io.isthmus.model.IpLiteral;
import io.isthmus.model.MacAddress;
import io.isthmus.wire.packet.IpAddress;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A talker as detection keys it: its IP address, or its MAC for frames without IP (PROFINET DCP).
 * Written as the address text, MACs with a {@code mac:} prefix, in baselines and alerts.
 */
public sealed interface Host permits Host.Ip, Host.Mac {

    AssetId assetId();

    record Ip(IpAddress address) implements Host {
        public Ip {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public AssetId assetId() {
            return new AssetId("ip:" + address);
        }

        // Written out, like the keys built from hosts: the generated record methods were a top cost.
        @Override
        public boolean equals(Object o) {
            return o instanceof Ip i && address.equals(i.address);
        }

        @Override
        public int hashCode() {
            return address.hashCode();
        }

        @Override
        public String toString() {
            return address.toString();
        }
    }

    record Mac(long value) implements Host {
        public Mac {
            new MacAddress(value);
        }

        @Override
        public AssetId assetId() {
            return AssetId.of(new MacAddress(value));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Mac m && value == m.value;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(value);
        }

        @Override
        public String toString() {
            return "mac:" + new MacAddress(value);
        }
    }

    /** Reads what {@link #toString} wrote: an IP literal or {@code mac:aa:bb:cc:dd:ee:ff}. */
    static Host parse(String text) {
        if (text.startsWith("mac:")) {
            return new Mac(MacAddress.parse(text.substring(4)).value());
        }
        return new Ip(ipOf(IpLiteral.parse(text)));
    }

    static IpAddress ipOf(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return IpAddress.ofIpv4(ByteBuffer.wrap(b).getInt());
        }
        ByteBuffer bb = ByteBuffer.wrap(b);
        return new IpAddress(bb.getLong(), bb.getLong());
    }
}
