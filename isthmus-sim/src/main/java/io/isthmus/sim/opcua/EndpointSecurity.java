package io.isthmus.sim.opcua;

import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/**
 * A security policy and message security mode offered as one endpoint (OPC UA Part 4, 7.14
 * EndpointDescription; Part 7 security policy profiles).
 *
 * <p>Only {@code NONE} exists today: the virtual factory is a test bench on loopback. A
 * {@code BASIC256SHA256_SIGN_AND_ENCRYPT} constant slots in here; the server already owns an
 * application certificate for it, and would also need a trust list for client certificates.
 */
public enum EndpointSecurity {
    /** No signing, no encryption: plain text on the wire. */
    NONE(SecurityPolicy.None, MessageSecurityMode.None);

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
