package io.isthmus.app.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.app.Main;
import io.isthmus.app.cli.ExitCodes;
import io.isthmus.connect.journal.FsyncPolicy;
import io.isthmus.connect.journal.Journal;
import io.isthmus.connect.journal.JournalConfig;
import io.isthmus.connect.journal.RecordType;
import io.isthmus.connect.journal.SampleBatchCodec;
import io.isthmus.connect.transfer.receive.DiodeReceiver;
import io.isthmus.connect.transfer.receive.ReceiverConfig;
import io.isthmus.connect.transfer.send.PacingRamp;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class TransferCommandTest {
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @CsvSource({"100M, 100000000", "1G, 1000000000", "1.5g, 1500000000", "800k, 800000", "64000, 64000"})
    void bit_rates_read_with_their_suffix(String text, long bits) {
        assertThat(TransferText.bitRate(text)).isEqualTo(bits);
    }

    @Test
    void bad_rates_and_addresses_say_what_to_write() {
        assertThatThrownBy(() -> TransferText.bitRate("fast")).hasMessageContaining("100M");
        assertThatThrownBy(() -> TransferText.hostPort("10.0.0.2")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> TransferText.hostPort("10.0.0.2:70000")).hasMessageContaining("70000");
    }

    @Test
    void the_transfer_command_lists_send_receive_and_replay() {
        Run r = run("transfer", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .containsPattern("(?m)^\\s+send\\s")
                .containsPattern("(?m)^\\s+receive\\s")
                .containsPattern("(?m)^\\s+replay\\s");
    }

    @Test
    void a_backwards_replay_range_is_a_usage_error(@TempDir Path dir) {
        Run r = run("transfer", "replay", "--journal", dir.toString(), "-d", "127.0.0.1:9", "--from", "5", "--to", "2");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--from 5 --to 2");
    }

    @Test
    void an_overhead_out_of_range_is_a_usage_error_naming_the_value(@TempDir Path dir) {
        Run r = run(
                "transfer",
                "replay",
                "--journal",
                dir.toString(),
                "-d",
                "127.0.0.1:9",
                "--from",
                "1",
                "--to",
                "2",
                "--fec-overhead",
                "3");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("fecOverhead is 3.0");
    }

    @Test
    void the_sending_thread_is_off_by_default_and_set_by_hand_off_batches() {
        var defaults = CommandLine.populateCommand(new SenderOptions(), "--journal", "j", "-d", "127.0.0.1:9");
        var threaded = CommandLine.populateCommand(
                new SenderOptions(), "--journal", "j", "-d", "127.0.0.1:9", "--hand-off-batches", "8");

        assertThat(defaults.toConfig().handOffBatches()).isZero();
        assertThat(threaded.toConfig().handOffBatches()).isEqualTo(8);
    }

    @Test
    void the_start_up_ramp_is_on_by_default_and_set_by_ramp_from_and_ramp_up() {
        var defaults = CommandLine.populateCommand(new SenderOptions(), "--journal", "j", "-d", "127.0.0.1:9");
        var ramped = CommandLine.populateCommand(
                new SenderOptions(), "--journal", "j", "-d", "127.0.0.1:9", "--ramp-from", "0.1", "--ramp-up", "5s");
        var off = CommandLine.populateCommand(
                new SenderOptions(), "--journal", "j", "-d", "127.0.0.1:9", "--ramp-up", "0s");
        assertThat(defaults.toConfig().ramp()).isEqualTo(PacingRamp.DEFAULT);
        assertThat(ramped.toConfig().ramp()).isEqualTo(new PacingRamp(0.1, Duration.ofSeconds(5)));
        assertThat(off.toConfig().ramp().ramps()).isFalse();
    }

    @Test
    void a_ramp_out_of_range_is_a_usage_error_naming_the_value(@TempDir Path dir) {
        Run r = run("transfer", "send", "--journal", dir.toString(), "-d", "127.0.0.1:9", "--ramp-from", "0");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("rampFrom is 0.0; it must be in 0.01..1");
    }

    @Test
    void a_receive_warm_up_beyond_a_minute_is_a_usage_error_naming_the_value(@TempDir Path dir) {
        Run r = run("transfer", "receive", "--listen", "127.0.0.1:0", "--out", dir.toString(), "--warm-up", "61s");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("warmUp is PT1M1S; it must be in 0s..60s");
    }

    @Test
    void a_hand_off_out_of_range_is_a_usage_error_naming_the_value(@TempDir Path dir) {
        Run r = run("transfer", "send", "--journal", dir.toString(), "-d", "127.0.0.1:9", "--hand-off-batches", "-1");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("handOffBatches is -1; it must be in 0..1024");
    }

    @Test
    void replay_resends_a_journal_range_that_a_receiver_writes_as_json_lines(@TempDir Path dir) throws Exception {
        Path journalDir = dir.resolve("journal");
        var codec = SampleBatchCodec.withDefaults();
        try (Journal journal = Journal.open(JournalConfig.create(journalDir, b -> b.fsync(FsyncPolicy.never())))) {
            for (int i = 0; i < 50; i++) {
                var path = TagPath.parse("acme/plant1/bottling/line1/filler/filler1/speed");
                journal.append(
                        RecordType.SAMPLE_BATCH,
                        codec.encode(List.of(Sample.good(
                                path, Instant.parse("2026-11-26T00:00:00Z").plusSeconds(i), Value.of((double) i)))));
            }
        }
        Path out = dir.resolve("out");
        var receiver = new DiodeReceiver(
                ReceiverConfig.defaults(new InetSocketAddress("127.0.0.1", 0)), new JsonLinesSink(out));
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                receiver.run();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        int port = receiver.localAddress().getPort();

        Run r = run(
                "transfer",
                "replay",
                "--journal",
                journalDir.toString(),
                "-d",
                "127.0.0.1:" + port,
                "--from",
                "11",
                "--to",
                "20",
                "--rate",
                "10M");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Re-sent 10 records (ids 11..20)");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 100 && lines.size() < 10; i++) {
            Thread.sleep(100);
            lines = Files.exists(out.resolve("samples.jsonl"))
                    ? Files.readAllLines(out.resolve("samples.jsonl"))
                    : lines;
        }
        receiver.close();
        t.join();
        assertThat(lines).hasSize(10);
        assertThat(lines.getFirst())
                .startsWith(
                        "{\"journal_id\":11,\"sample\":{\"path\":\"acme/plant1/bottling/line1/filler/filler1/speed\"");
        assertThat(Files.readString(out.resolve("gaps.jsonl"))).isEmpty();
    }
}
