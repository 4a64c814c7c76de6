package io.isthmus.app.cli;

/** Exit codes of every command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Something failed at run time. */
    public static final int FAILED = 1;
    /** The command line or a configuration file is wrong; nothing was started. */
    public static final int USAGE = 2;

    private ExitCodes() {}
}
