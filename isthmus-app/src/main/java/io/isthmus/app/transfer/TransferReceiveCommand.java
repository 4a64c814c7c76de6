package io.isthmus.app.transfer;

import io.isthmus.app.cli.ExitCodes;
import io.isthmus.app.config.DurationText;
import io.isthmus.connect.transfer.receive.DiodeReceiver;
import io.isthmus.connect.transfer.receive.ReceiverConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code isthmus transfer receive}: receives one way and writes samples and gaps as JSON lines. */
@Command(
        name = "receive",
        mixinStandardHelpOptions = true,
        description = "Receive a one-way transfer (never transmits) and write samples.jsonl and gaps.jsonl.")
public final class TransferReceiveCommand implements Callable<Integer> {
    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT", description = "Address to receive on.")
    String listen;

    @Option(
            names = "--out",
            defaultValue = "isthmus-transfer",
            paramLabel = "DIR",
            description = "Where samples.jsonl and gaps.jsonl go. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(
            names = "--gap-timeout",
            defaultValue = "2s",
            description =
                    "Give a missing batch up this long after a later one shows it exists. Default: ${DEFAULT-VALUE}.")
    String gapTimeout;

    @Option(
            names = "--reorder-window",
            defaultValue = "512",
            description =
                    "Give a missing batch up once one this many sequences later arrived. Default: ${DEFAULT-VALUE}.")
    int reorderWindow;

    @Option(
            names = "--receive-buffer",
            defaultValue = "67108864",
            description = "Socket receive buffer to ask for, in bytes; the kernel caps it at net.core.rmem_max"
                    + " and the start line says so. Default: ${DEFAULT-VALUE}.")
    int receiveBuffer;

    @Option(
            names = "--warm-up",
            defaultValue = "3s",
            description = "Until the first datagram, drive the receive path with synthetic batches for at most this"
                    + " long, so the JIT has compiled it when traffic arrives (0s: off). Default: ${DEFAULT-VALUE}.")
    String warmUp;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        ReceiverConfig config;
        try {
            config = ReceiverConfig.defaults(TransferText.hostPort(listen))
                    .withGapTimeout(DurationText.parse(gapTimeout))
                    .withReorderWindow(reorderWindow)
                    .withReceiveBufferBytes(receiveBuffer)
                    .withWarmUp(DurationText.parse(warmUp));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("isthmus transfer: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (var sink = new JsonLinesSink(out);
                var receiver = new DiodeReceiver(config, sink)) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                receiver.close();
                try {
                    main.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            var reporter = Thread.ofPlatform().daemon().start(() -> {
                while (true) {
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    console.println(receiver.status());
                    console.flush();
                }
            });
            console.printf(
                    "Receiving on %s (receive buffer %d bytes%s), writing to %s. Ctrl-C stops.%n",
                    receiver.localAddress(),
                    receiver.receiveBufferBytes(),
                    receiver.receiveBufferCapped()
                            ? ", less than the " + config.receiveBufferBytes()
                                    + " configured: the kernel caps it at net.core.rmem_max"
                            : "",
                    out);
            console.flush();
            receiver.run();
            reporter.interrupt();
            console.println(receiver.status());
        }
        return ExitCodes.OK;
    }
}
