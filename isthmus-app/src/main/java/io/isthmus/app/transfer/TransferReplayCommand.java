package io.isthmus.app.transfer;

import io.isthmus.app.cli.ExitCodes;
import io.isthmus.connect.journal.Journal;
import io.isthmus.connect.journal.JournalConfig;
import io.isthmus.connect.journal.JournalLockedException;
import io.isthmus.connect.transfer.send.DiodeSender;
import io.isthmus.connect.transfer.send.ReplayRequests;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code isthmus transfer replay}: the operator's answer to a gap the receiver reported. There is no
 * back channel, so this runs on the sender's host and re-sends journal ids as a new epoch; while a
 * sender holds the journal, the request is queued in {@code <journal>.replay} and that sender serves
 * it between batches.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = "Re-send journal ids FROM..TO (inclusive) to the receiver, e.g. the range of a reported gap.")
public final class TransferReplayCommand implements Callable<Integer> {
    @Mixin
    SenderOptions options;

    @Option(names = "--from", required = true, paramLabel = "ID", description = "First journal id to re-send.")
    long from;

    @Option(names = "--to", required = true, paramLabel = "ID", description = "Last journal id to re-send.")
    long to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (from < 1 || to < from) {
            spec.commandLine().getErr().printf("--from %d --to %d: need 1 <= FROM <= TO%n", from, to);
            return ExitCodes.USAGE;
        }
        io.isthmus.connect.transfer.send.SenderConfig config;
        try {
            config = options.toConfig();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("isthmus transfer: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Journal journal;
        try {
            journal = Journal.open(JournalConfig.defaults(options.journal));
        } catch (JournalLockedException running) {
            Path request = ReplayRequests.besideJournal(options.journal).submit(from, to);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "The journal is held by a running sender; queued %s for it.%n"
                                    + "It becomes %s once sent.%n",
                            request, ReplayRequests.doneFile(request).getFileName());
            return ExitCodes.OK;
        }
        try (journal;
                DiodeSender sender = DiodeSender.udp(config)) {
            long sent = sender.replay(journal, from, to);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Re-sent %d records (ids %d..%d) as epoch %d: %s%n",
                            sent, from, to, sender.epoch(), sender.status());
        }
        return ExitCodes.OK;
    }
}
