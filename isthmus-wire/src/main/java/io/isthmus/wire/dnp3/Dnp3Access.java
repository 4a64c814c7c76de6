package io.isthmus.wire.dnp3;

import io.isthmus.model.AccessKind;
import io.isthmus.wire.dnp3.app.AppFragment;
import io.isthmus.wire.dnp3.app.FunctionCode;

/**
 * What a DNP3 application fragment does to an outstation (IEEE 1815-2012 clause 4 describes
 * each function). Controls, restarts and application start/stop change what the device does;
 * files move configuration and programs; unsolicited, class and time-delay functions manage the
 * session.
 */
final class Dnp3Access {
    private static final int GROUP_CROB = 12;
    private static final int GROUP_ANALOG_OUTPUT = 41;
    private static final int GROUP_FILE = 70;
    /** The groups a response echoes to a select or operate; one array, not one per response. */
    private static final int[] CONTROL_GROUPS = {GROUP_CROB, GROUP_ANALOG_OUTPUT};

    private static final int[] FILE_GROUPS = {GROUP_FILE};

    private Dnp3Access() {}

    /** The kind of a request; responses use {@link #ofResponse}. */
    static AccessKind ofRequest(FunctionCode function) {
        return switch (function) {
            case CONFIRM, READ -> AccessKind.READ;
            case WRITE,
                    IMMEDIATE_FREEZE,
                    IMMEDIATE_FREEZE_NR,
                    FREEZE_CLEAR,
                    FREEZE_CLEAR_NR,
                    FREEZE_AT_TIME,
                    FREEZE_AT_TIME_NR -> AccessKind.WRITE;
            case SELECT,
                    OPERATE,
                    DIRECT_OPERATE,
                    DIRECT_OPERATE_NR,
                    COLD_RESTART,
                    WARM_RESTART,
                    INITIALIZE_DATA,
                    INITIALIZE_APPLICATION,
                    START_APPLICATION,
                    STOP_APPLICATION,
                    SAVE_CONFIGURATION -> AccessKind.CONTROL;
            case OPEN_FILE, CLOSE_FILE, DELETE_FILE, GET_FILE_INFO, AUTHENTICATE_FILE, ABORT_FILE, ACTIVATE_CONFIG ->
                AccessKind.PROGRAM;
            case ENABLE_UNSOLICITED,
                    DISABLE_UNSOLICITED,
                    ASSIGN_CLASS,
                    DELAY_MEASURE,
                    RECORD_CURRENT_TIME,
                    AUTHENTICATE_REQUEST,
                    AUTHENTICATE_REQUEST_NR,
                    AUTHENTICATE_RESPONSE,
                    UNKNOWN -> AccessKind.DIAGNOSTIC;
            case RESPONSE, UNSOLICITED_RESPONSE -> AccessKind.READ;
        };
    }

    /**
     * A response without its request in view: echoed control objects (CROB, analog output) mean it
     * answers a select or operate, file objects a file transfer; anything else carries data read.
     */
    static AccessKind ofResponse(AppFragment fragment) {
        if (fragment.function() != FunctionCode.RESPONSE) {
            return ofRequest(fragment.function());
        }
        if (fragment.hasGroup(CONTROL_GROUPS)) {
            return AccessKind.CONTROL;
        }
        return fragment.hasGroup(FILE_GROUPS) ? AccessKind.PROGRAM : AccessKind.READ;
    }
}
