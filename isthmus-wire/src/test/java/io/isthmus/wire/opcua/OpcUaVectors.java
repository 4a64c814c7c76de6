package io.isthmus.wire.opcua;

import java.util.HexFormat;

/**
 * Real OPC UA messages from the shared captures (isthmus-wire/src/test/resources/captures/SOURCES.md),
 * each one whole TCP payload, extracted with {@code tshark -r CAPTURE -Y 'frame.number==N' -T fields
 * -e tcp.payload}.
 */
final class OpcUaVectors {
    private OpcUaVectors() {}

    private static final String ITI = "opcua__ITI__opc-ua-ap-method-wireshark-freeze.pcap (TCP port 12001)";
    private static final String DIAG =
            "opcua__cisagov-opcua__open62541_client-server_mainloop-ActivateSession-diagInfo.pcap";

    /** {@value #ITI} frame 4: Hello, version 0, buffers 65535, MaxMessageSize 4000, MaxChunkCount 0. */
    static final String HELLO =
            "48454c464f00000000000000ffff0000ffff0000a00f0000000000002f0000006f70632e7463703a2f2f766d2d78702d73746576656e3a31323030312f55412f537461636b54657374536572766572";

    /** {@value #ITI} frame 6: Acknowledge. */
    static final String ACKNOWLEDGE = "41434b461c00000000000000ffff0000ffff0000a00f000000000000";

    /** {@value #ITI} frame 8: OpenSecureChannel request, policy None, Issue, mode None, handle 1. */
    static final String OPEN_REQUEST =
            "4f504e4684000000000000002f000000687474703a2f2f6f7063666f756e646174696f6e2e6f72672f55412f5365637572697479506f6c696379234e6f6e65ffffffffffffffff01000000010000000100be010000003c7d0c5c2bca0101000000ff030000ffffffff0000000000000000000000000000000100000000000000808d5b00";

    /** {@value #ITI} frame 9: OpenSecureChannel response, channel 0x195f. */
    static final String OPEN_RESPONSE =
            "4f504e46880000005f1900002f000000687474703a2f2f6f7063666f756e646174696f6e2e6f72672f55412f5365637572697479506f6c696379234e6f6e65ffffffffffffffff33000000010000000100c101edd560575c2bca01010000000000000000ffffffff000000000000005f19000001000000edd560575c2bca0180ee36000100000001";

    /** {@value #ITI} frame 11: GetEndpoints request, handle 1. */
    static final String GET_ENDPOINTS =
            "4d534746450000005f1900000100000002000000020000000100ac010000003c7d0c5c2bca0101000000ff030000ffffffff00000000000000ffffffff0000000000000000";

    /** {@value #ITI} frame 43: Error BadInternalError (0x80020000), null reason. */
    static final String ERROR = "455252461000000000000280ffffffff";

    /** {@value #ITI} frame 84: Call request, RequestId 5, handle 1 (the request that froze Wireshark). */
    static final String CALL =
            "4d5347466e000000601900000100000005000000050000000100c802010080190069ae0d5c2bca0101000000ff030000ffffffff00000000000000010000000100560107ff7f000013000000687474703a2f2f2f2f3a2f2f2f2f3a2f2f2f2f0100000099010000000c0100000025";

    /** {@value #DIAG} frame 81: Read request, GUID authentication token, handle 22. */
    static final String READ_REQUEST =
            "4d534746790000000200000002000000140000001700000001007702040100f7d6379a0279cc7e530500d081e83ef354510b7f6d9cd8011600000000000000ffffffff00000000000000000000000000000000000000010000000301000a0000007468652e616e737765720d000000ffffffff0000ffffffff";

    /** {@value #DIAG} frame 83: Read response, handle 22, ServiceResult Good. */
    static final String READ_RESPONSE =
            "4d5347464100000002000000020000000a0000001700000001007a025e5d137f6d9cd801160000000000000000ffffffff000000010000000200003480ffffffff";

    /** {@value #DIAG} frame 85: Write request, handle 23. */
    static final String WRITE_REQUEST =
            "4d5347466d000000020000000200000015000000180000000100a102040100f7d6379a0279cc7e530500d081e83ef33c66137f6d9cd8011700000000000000ffffffff00000000000000010000000301000a0000007468652e616e737765720d000000ffffffff010601000000";

    /** {@value #DIAG} frame 95: ServiceFault, handle 12, BadNoSubscription (0x80790000). */
    static final String SERVICE_FAULT =
            "4d5347463400000002000000020000000d0000000d00000001008d0182c2397f6d9cd8010c0000000000798000ffffffff000000";

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
