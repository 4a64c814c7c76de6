package io.isthmus.app.cli;

/** Exit codes of every command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Something failed at run time. */
    public static final int FAILED = 1;
    /** The command line or a configuration file is wrong; nothing was started. */
    public static final int USAGE = 2;
    /**
     * {@code isthmus analyze}: the capture is truncated or corrupt; everything before the damage was
     * analysed and written, and one message names the damage.
     */
    public static final int CAPTURE_DAMAGED = 3;
    /** {@code isthmus audit verify}: the log fails verification (tampered, truncated, rolled back). */
    public static final int VERIFICATION_FAILED = 4;

    private ExitCodes() {}
}
