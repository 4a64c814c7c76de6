package io.isthmus.wire.opcua;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds OPC UA chunks byte by byte for the cases the captures do not contain (IEC 62541-6 §6.7). */
final class OpcUaFrames {
    private OpcUaFrames() {}

    /** A chunk: type letters, chunk letter, MessageSize, then the body. */
    static byte[] chunk(String type, char chunkType, byte[] body) {
        Out out = new Out();
        out.ascii(type).u8(chunkType).u32(8L + body.length).bytes(body);
        return out.toByteArray();
    }

    /** A MSG or CLO chunk: symmetric header, sequence header, then the body. */
    static byte[] symmetric(String type, char chunkType, long channel, long requestId, byte[] body) {
        Out out =
                new Out().u32(channel).u32(1).u32(requestId + 50).u32(requestId).bytes(body);
        return chunk(type, chunkType, out.toByteArray());
    }

    /** An OPN chunk with the given policy URI and body after the sequence header. */
    static byte[] open(String policyUri, byte[] afterSequenceHeader) {
        Out out =
                new Out().u32(0).string(policyUri).u32(-1).u32(-1).u32(1).u32(1).bytes(afterSequenceHeader);
        return chunk("OPN", 'F', out.toByteArray());
    }

    /** A request body: four-byte TypeId, two-byte null auth token, timestamp, handle, padding. */
    static byte[] request(int typeId, long handle) {
        return new Out()
                .u8(1)
                .u8(0)
                .u16(typeId)
                .u8(0)
                .u8(0)
                .zeros(8)
                .u32(handle)
                .zeros(12)
                .toByteArray();
    }

    /** A response body: four-byte TypeId, timestamp, handle, service result, padding. */
    static byte[] response(int typeId, long handle, long serviceResult) {
        return new Out()
                .u8(1)
                .u8(0)
                .u16(typeId)
                .zeros(8)
                .u32(handle)
                .u32(serviceResult)
                .zeros(8)
                .toByteArray();
    }

    /** An abort body: Error and Reason (§6.7.3). */
    static byte[] abortBody(long error, String reason) {
        return new Out().u32(error).string(reason).toByteArray();
    }

    /** An OpenSecureChannel request body asking for {@code mode} (1 None, 2 Sign, 3 SignAndEncrypt). */
    static byte[] openRequestBody(int mode) {
        return new Out()
                .u8(1)
                .u8(0)
                .u16(446) // TypeId
                .u8(0)
                .u8(0)
                .zeros(8)
                .u32(1) // auth token, timestamp, handle
                .u32(0)
                .u32(-1)
                .u32(10000) // ReturnDiagnostics, AuditEntryId null, TimeoutHint
                .u8(0)
                .u8(0)
                .u8(0) // AdditionalHeader: null TypeId, no body
                .u32(0)
                .u32(0)
                .u32(mode) // ClientProtocolVersion, RequestType Issue, SecurityMode
                .u32(-1)
                .u32(600000) // ClientNonce null, RequestedLifetime
                .toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        Out out = new Out();
        for (byte[] p : parts) {
            out.bytes(p);
        }
        return out.toByteArray();
    }

    /** Little-endian writer. */
    static final class Out extends ByteArrayOutputStream {
        Out u8(int v) {
            write(v);
            return this;
        }

        Out u16(int v) {
            return u8(v & 0xFF).u8(v >>> 8 & 0xFF);
        }

        Out u32(long v) {
            return u16((int) (v & 0xFFFF)).u16((int) (v >>> 16 & 0xFFFF));
        }

        Out ascii(String s) {
            return bytes(s.getBytes(StandardCharsets.US_ASCII));
        }

        Out string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return u32(b.length).bytes(b);
        }

        Out zeros(int n) {
            return bytes(new byte[n]);
        }

        Out bytes(byte[] b) {
            writeBytes(b);
            return this;
        }
    }
}
