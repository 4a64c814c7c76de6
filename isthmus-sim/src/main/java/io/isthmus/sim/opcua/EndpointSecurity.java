package io.isthmus.sim.opcua;

import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/**
 * A security policy and message security mode offered as one endpoint (OPC UA Part 4, 7.14
 * EndpointDescription; Part 7 security policy profiles).
 *
 * <p>The Basic256Sha256 endpoints sign (and encrypt) with the server's self-signed application
 * certificate and accept only clients whose certificate lies in the server's trust list, {@code
 * pkiDir/trusted/certs} (see {@link ApplicationCertificate}); a refused client's certificate lands
 * in {@code pkiDir/rejected} for an operator to move over.
 */
public enum EndpointSecurity {
    /** No signing, no encryption: plain text on the wire. */
    NONE(SecurityPolicy.None, MessageSecurityMode.None),
    /** Basic256Sha256, messages signed. */
    BASIC256SHA256_SIGN(SecurityPolicy.Basic256Sha256, MessageSecurityMode.Sign),
    /** Basic256Sha256, messages signed and encrypted. */
    BASIC256SHA256_SIGN_AND_ENCRYPT(SecurityPolicy.Basic256Sha256, MessageSecurityMode.SignAndEncrypt);

    private final SecurityPolicy policy;
    private final MessageSecurityMode mode;

    EndpointSecurity(SecurityPolicy policy, MessageSecurityMode mode) {
        this.policy = policy;
        this.mode = mode;
    }

    SecurityPolicy policy() {
        return policy;
    }

    MessageSecurityMode mode() {
        return mode;
    }
}
