package io.isthmus.app.transfer;

import picocli.CommandLine.Command;

/** {@code isthmus transfer}: the one-way (diode) transfer's sender, receiver and replay. */
@Command(
        name = "transfer",
        mixinStandardHelpOptions = true,
        description = "One-way transfer of journal data over a data diode or transmit-only link (docs/transfer.md).",
        subcommands = {TransferSendCommand.class, TransferReceiveCommand.class, TransferReplayCommand.class})
public final class TransferCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
