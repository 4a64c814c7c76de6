package io.isthmus.policy.pdp;

import io.isthmus.model.AccessKind;
import io.isthmus.policy.AccessResource;
import java.net.InetAddress;
import java.time.Instant;

/** One item a gateway asks about: an account (whose roles the PDP knows), an action, a resource. */
record AccessQuery(String user, AccessKind action, AccessResource resource, InetAddress source, Instant time) {}
