package io.isthmus.app.cli;

import io.isthmus.sim.PortInUseException;
import java.io.PrintWriter;
import java.net.BindException;

/** Explains a failed start in one sentence and names the option that fixes it. */
final class StartupErrors {
    private StartupErrors() {}

    static int report(Exception e, PrintWriter err, String httpOption) {
        switch (e) {
            case PortInUseException p ->
                err.println("isthmus: " + p.getMessage() + ". Choose another port with "
                        + (p.service() == PortInUseException.Service.MODBUS ? "--modbus-port" : "--opcua-port") + ".");
            case BindException b ->
                err.println(
                        "isthmus: the console " + b.getMessage() + ". Choose another port with " + httpOption + ".");
            default -> err.println("isthmus: could not start: " + e.getMessage());
        }
        err.flush();
        return ExitCodes.USAGE;
    }
}
