package io.isthmus.wire.opcua.securechannel;

/**
 * The security policies of IEC 62541-7 by their URI, as the asymmetric security header of an
 * OpenSecureChannel names them (IEC 62541-6 §6.7.2.3). Only {@link #NONE} leaves message bodies
 * readable on the wire; the deprecated policies are kept apart because detection flags them.
 */
public enum SecurityPolicy {
    NONE("http://opcfoundation.org/UA/SecurityPolicy#None", false),
    BASIC128_RSA15("http://opcfoundation.org/UA/SecurityPolicy#Basic128Rsa15", true),
    BASIC256("http://opcfoundation.org/UA/SecurityPolicy#Basic256", true),
    BASIC256_SHA256("http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256", false),
    AES128_SHA256_RSAOAEP("http://opcfoundation.org/UA/SecurityPolicy#Aes128_Sha256_RsaOaep", false),
    AES256_SHA256_RSAPSS("http://opcfoundation.org/UA/SecurityPolicy#Aes256_Sha256_RsaPss", false),
    /** A URI not listed here (a newer or vendor policy): treated as securing the channel. */
    UNKNOWN("", false);

    private final String uri;
    private final boolean deprecated;

    SecurityPolicy(String uri, boolean deprecated) {
        this.uri = uri;
        this.deprecated = deprecated;
    }

    public String uri() {
        return uri;
    }

    /** Policies IEC 62541-7 (1.04 and later) deprecates as too weak. */
    public boolean deprecated() {
        return deprecated;
    }

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final SecurityPolicy[] VALUES = values();

    public static SecurityPolicy ofUri(String uri) {
        for (SecurityPolicy p : VALUES) {
            if (p != UNKNOWN && p.uri.equals(uri)) {
                return p;
            }
        }
        return UNKNOWN;
    }
}
