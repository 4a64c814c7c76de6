package io.isthmus.app;

import picocli.CommandLine;

/** Turns an unexpected failure into one line on stderr and exit code 1; the stack trace only with ISTHMUS_DEBUG=1. */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        cl.getErr().println("isthmus: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        if ("1".equals(System.getenv("ISTHMUS_DEBUG"))) {
            e.printStackTrace(cl.getErr());
        }
        return 1;
    }
}
