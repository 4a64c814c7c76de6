package io.isthmus.app.transfer;

import io.isthmus.app.config.DurationText;
import io.isthmus.connect.transfer.send.PacingRamp;
import io.isthmus.connect.transfer.send.SenderConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by {@code transfer send} and {@code transfer replay}. */
final class SenderOptions {
    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "The journal directory to read.")
    Path journal;

    @Option(
            names = {"-d", "--destination"},
            required = true,
            paramLabel = "HOST:PORT",
            description = "Where datagrams go: the receiver, or the diode's input.")
    String destination;

    @Option(
            names = "--rate",
            defaultValue = "100M",
            paramLabel = "BITS",
            description = "Pacing in bits per second, headers included (e.g. 100M, 1G). Default: ${DEFAULT-VALUE}.")
    String rate;

    @Option(
            names = "--fec-overhead",
            defaultValue = "0.25",
            description = "Parity fragments per data fragment, 0..1. Default: ${DEFAULT-VALUE}.")
    double fecOverhead;

    @Option(
            names = "--redundancy",
            defaultValue = "1",
            description = "Send every datagram this many times, 1..4. Default: ${DEFAULT-VALUE}.")
    int redundancy;

    @Option(
            names = "--fragment-bytes",
            defaultValue = "1400",
            description = "Shard bytes per datagram; 1400 fits a 1500-byte MTU. Default: ${DEFAULT-VALUE}.")
    int fragmentBytes;

    @Option(
            names = "--consumer",
            defaultValue = "diode",
            description = "The journal consumer whose cursor the sender moves. Default: ${DEFAULT-VALUE}.")
    String consumer;

    @Option(
            names = "--hand-off-batches",
            defaultValue = "0",
            paramLabel = "N",
            description = "0: one thread reads, encodes, paces and sends; N in 1..1024: a sending thread paces"
                    + " and sends, with at most N encoded batches waiting for it. Default: ${DEFAULT-VALUE}.")
    int handOffBatches;

    @Option(
            names = "--ramp-from",
            paramLabel = "FRACTION",
            description = "The share of --rate the pacing starts at after a start or an idle spell, 0.01..1"
                    + " (1: no ramp). Default: " + PacingRamp.DEFAULT_START_FRACTION + ".")
    Double rampFrom;

    @Option(
            names = "--ramp-up",
            paramLabel = "DURATION",
            description = "How long the pacing takes from --ramp-from to the full rate, 0s..10m (0s: no ramp)."
                    + " Default: " + PacingRamp.DEFAULT_RAMP_UP_SECONDS + "s.")
    String rampUp;

    SenderConfig toConfig() {
        return SenderConfig.create(
                TransferText.hostPort(destination),
                b -> b.rateBitsPerSecond(TransferText.bitRate(rate))
                        .fecOverhead(fecOverhead)
                        .redundancy(redundancy)
                        .fragmentBytes(fragmentBytes)
                        .consumerName(consumer)
                        .handOffBatches(handOffBatches)
                        .ramp(PacingRamp.of(rampFrom, rampUp == null ? null : DurationText.parse(rampUp))));
    }
}
