package io.isthmus.app.transfer;

import io.isthmus.app.cli.ExitCodes;
import io.isthmus.connect.journal.Journal;
import io.isthmus.connect.journal.JournalConfig;
import io.isthmus.connect.transfer.send.DiodeSender;
import io.isthmus.connect.transfer.send.ReplayRequests;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code isthmus transfer send}: forwards a journal through the diode until Ctrl-C. */
@Command(
        name = "send",
        mixinStandardHelpOptions = true,
        description = "Forward a journal one way to a receiver (never listens, never reads the network).")
public final class TransferSendCommand implements Callable<Integer> {
    @Mixin
    SenderOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        io.isthmus.connect.transfer.send.SenderConfig config;
        try {
            config = options.toConfig();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("isthmus transfer: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        AtomicBoolean running = new AtomicBoolean(true);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.set(false);
            try {
                main.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try (Journal journal = Journal.open(JournalConfig.defaults(options.journal));
                DiodeSender sender = DiodeSender.udp(config)) {
            out.printf(
                    "Journal %s: %s.%n",
                    options.journal, journal.recoveryReport().summary());
            out.printf(
                    "Sending journal %s to %s at %s bit/s, epoch %d. Ctrl-C stops.%n",
                    options.journal, config.destination(), config.rateBitsPerSecond(), sender.epoch());
            out.flush();
            long[] nextReport = {System.nanoTime()};
            sender.forward(
                    journal,
                    () -> {
                        if (System.nanoTime() - nextReport[0] >= 0) {
                            out.println(sender.status());
                            out.flush();
                            nextReport[0] = System.nanoTime() + 10_000_000_000L;
                        }
                        return running.get();
                    },
                    ReplayRequests.besideJournal(options.journal));
            out.println(sender.status());
        }
        return ExitCodes.OK;
    }
}
