package io.isthmus.access.gateway;

import io.isthmus.model.TagPath;

/** What became of one item of a write request. */
public sealed interface ItemResult {
    TagPath tag();

    /** Allowed without approval, passed the conduit check and confirmed by the device. */
    record Executed(TagPath tag) implements ItemResult {}

    /** Waits for a second person's approval. */
    record Pending(TagPath tag, Approval approval) implements ItemResult {}

    /** Refused: by the access rules, the conduit policy, or because the tag is unknown. */
    record Denied(TagPath tag, String reason, String detail) implements ItemResult {}

    /** Allowed, but the device did not confirm (unreachable, exception response). */
    record Failed(TagPath tag, String detail) implements ItemResult {}
}
