package io.isthmus.wire.bacnet.apdu;

import io.isthmus.model.AccessKind;
import io.isthmus.wire.bacnet.encoding.Tag;
import io.isthmus.wire.bacnet.encoding.TagReader;
import java.util.Optional;

/** ReinitializeDevice and DeviceCommunicationControl (ASHRAE 135 clause 16.4, 16.1). */
final class DeviceManagement {
    private DeviceManagement() {}

    private static final String[] REINITIALIZED_STATES = {
        "coldstart",
        "warmstart",
        "start-backup",
        "end-backup",
        "start-restore",
        "end-restore",
        "abort-restore",
        "activate-changes"
    };

    private static final String[] ENABLE_DISABLE = {"enable", "disable", "disable-initiation"};

    /**
     * ReinitializeDevice-Request: [0] reinitializedStateOfDevice, [1] password OPTIONAL. Restarts
     * stay {@link AccessKind#CONTROL}; the backup and restore states start or end moving the
     * device's configuration files (clause 19.1), so they are {@link AccessKind#PROGRAM}. The
     * password is never reported, only that one was sent.
     */
    static void reinitialize(TagReader t, ServiceFacts facts) {
        Optional<Tag> state = t.next();
        if (state.isEmpty() || !state.get().isContext(0)) {
            facts.unexpected("no [0] reinitializedStateOfDevice");
            return;
        }
        long s = t.unsigned(state.get());
        if (s < REINITIALIZED_STATES.length) {
            facts.attribute("reinitialize_state", REINITIALIZED_STATES[(int) s]);
        } else {
            facts.attribute("reinitialize_state", s);
        }
        if (s >= 2 && s <= 6) {
            facts.access(AccessKind.PROGRAM);
        }
        Optional<Tag> password = t.next();
        facts.attribute(
                "password_present", password.isPresent() && password.get().isContext(1));
    }

    /**
     * DeviceCommunicationControl-Request: [0] timeDuration OPTIONAL (minutes), [1] enable-disable,
     * [2] password OPTIONAL.
     */
    static void communicationControl(TagReader t, ServiceFacts facts) {
        Optional<Tag> tag = t.next();
        if (tag.isPresent() && tag.get().isContext(0)) {
            facts.attribute("duration_minutes", t.unsigned(tag.get()));
            tag = t.next();
        }
        if (tag.isEmpty() || !tag.get().isContext(1)) {
            facts.unexpected("no [1] enable-disable");
            return;
        }
        long v = t.unsigned(tag.get());
        if (v < ENABLE_DISABLE.length) {
            facts.attribute("enable_disable", ENABLE_DISABLE[(int) v]);
        } else {
            facts.attribute("enable_disable", v);
        }
        Optional<Tag> password = t.next();
        facts.attribute(
                "password_present", password.isPresent() && password.get().isContext(2));
    }
}
