package io.isthmus.app.cli;

import io.isthmus.app.config.DurationText;
import io.isthmus.app.config.OpcUaTagSnippet;
import io.isthmus.connect.opcua.BrowseLimits;
import io.isthmus.connect.opcua.BrowsedVariable;
import io.isthmus.connect.opcua.OpcUaBrowseResult;
import io.isthmus.connect.opcua.OpcUaBrowser;
import io.isthmus.connect.opcua.OpcUaConnectException;
import io.isthmus.connect.opcua.OpcUaEndpointUrl;
import io.isthmus.connect.opcua.OpcUaSecurity;
import io.isthmus.connect.opcua.OpcUaSourceConfig;
import io.isthmus.connect.opcua.UserCredentials;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code isthmus browse opc.tcp://HOST:PORT}: walks an OPC UA server's address space and prints a
 * tag configuration to start from, so nobody types NodeIds by hand.
 */
@Command(
        name = "browse",
        mixinStandardHelpOptions = true,
        description = "Browse an OPC UA server and print its variables as a tag configuration (YAML) or a table.")
public final class BrowseCommand implements Callable<Integer> {
    static final String PASSWORD_VARIABLE = "ISTHMUS_OPCUA_PASSWORD";

    enum Format {
        yaml,
        table
    }

    @Parameters(index = "0", paramLabel = "URL", description = "endpoint URL, opc.tcp://HOST[:PORT][/PATH]")
    String url;

    @Option(
            names = "--security",
            defaultValue = "none",
            paramLabel = "SECURITY",
            description = "none, basic256sha256-sign or basic256sha256-sign-and-encrypt (default: ${DEFAULT-VALUE})")
    String security;

    @Option(
            names = "--pki-dir",
            paramLabel = "DIR",
            description = "client certificate and trust list, for Basic256Sha256 (default: pki/opcua-client)")
    Path pkiDir = OpcUaSourceConfig.DEFAULT_PKI_DIR;

    @Option(
            names = "--user",
            paramLabel = "NAME",
            description = "user name; the password is read from $" + PASSWORD_VARIABLE)
    String user;

    @Option(
            names = "--source-id",
            defaultValue = "opcua",
            description = "source id in the YAML (default: ${DEFAULT-VALUE})")
    String sourceId;

    @Option(
            names = "--max-depth",
            defaultValue = "12",
            description = "levels below Objects (default: ${DEFAULT-VALUE})")
    int maxDepth;

    @Option(
            names = "--max-nodes",
            defaultValue = "10000",
            description = "nodes to visit at most (default: ${DEFAULT-VALUE})")
    int maxNodes;

    @Option(
            names = "--timeout",
            defaultValue = "5s",
            description = "connect and request timeout, e.g. 5s (default: ${DEFAULT-VALUE})")
    String timeout;

    @Option(names = "--format", defaultValue = "yaml", description = "yaml or table (default: ${DEFAULT-VALUE})")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OpcUaSourceConfig config;
        BrowseLimits limits;
        try {
            config = config();
            limits = new BrowseLimits(maxDepth, maxNodes, false);
        } catch (IllegalArgumentException e) {
            err.println("isthmus browse: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        OpcUaBrowseResult result;
        try {
            result = OpcUaBrowser.browse(config, limits);
        } catch (OpcUaConnectException | IllegalStateException e) {
            err.println("isthmus browse: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILED;
        }
        switch (format) {
            case yaml -> out.print(OpcUaTagSnippet.yaml(config, result.variables(), result.truncated()));
            case table -> table(out, result);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private OpcUaSourceConfig config() {
        OpcUaEndpointUrl endpoint = OpcUaEndpointUrl.parse(url);
        OpcUaSecurity parsedSecurity = OpcUaSecurity.parse(security);
        Duration t = DurationText.parse(timeout);
        Optional<UserCredentials> credentials = Optional.empty();
        if (user != null) {
            String password = System.getenv(PASSWORD_VARIABLE);
            if (password == null) {
                throw new IllegalArgumentException(
                        "--user " + user + " needs the password in the environment variable " + PASSWORD_VARIABLE);
            }
            credentials = Optional.of(new UserCredentials(user, password));
        }
        Optional<UserCredentials> chosen = credentials;
        return OpcUaSourceConfig.create(sourceId, endpoint, b -> {
            b.security = parsedSecurity;
            b.pkiDir = pkiDir;
            b.user = chosen;
            b.connectTimeout = t;
            b.requestTimeout = t;
        });
    }

    /** A server's names go to a terminal: no control characters (escape sequences) pass. */
    private static String printable(String s) {
        return s.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]", "?");
    }

    private static void table(PrintWriter out, OpcUaBrowseResult result) {
        String row = "%-10s %-10s %-8s %-60s %s%n";
        out.printf(row, "TYPE", "ACCESS", "UNIT", "NODE ID", "BROWSE PATH");
        for (BrowsedVariable v : result.variables()) {
            String access = (v.readable() ? "r" : "-") + (v.writable() ? "w" : "-");
            out.printf(
                    row,
                    printable(v.dataType()),
                    access,
                    printable(v.unit()),
                    printable(v.nodeId()),
                    printable(String.join("/", v.browsePath())));
        }
        out.printf(
                "%d variables, %d nodes visited%s%n",
                result.variables().size(), result.nodesVisited(), result.truncated() ? ", stopped at the limits" : "");
    }
}
