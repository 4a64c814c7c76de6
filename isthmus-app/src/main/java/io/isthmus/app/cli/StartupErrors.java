package io.isthmus.app.cli;

import io.isthmus.sim.PlcAddressUnavailableException;
import io.isthmus.sim.PortInUseException;
import java.io.PrintWriter;
import java.net.BindException;

/** Explains a failed start in one sentence and names the option that fixes it. */
final class StartupErrors {
    private StartupErrors() {}

    static int report(Exception e, PrintWriter err, String httpOption) {
        switch (e) {
            case PlcAddressUnavailableException a ->
                err.println("isthmus: " + a.getMessage() + " (Linux routes all of 127.0.0.0/8 to loopback; macOS only"
                        + " 127.0.0.1). Put every PLC on one address with --bind 127.0.0.1.");
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
