package io.isthmus.app.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.app.console.SampleJson;
import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.SampleBatchCodec;
import io.isthmus.connect.journal.SampleBatchDecoding;
import io.isthmus.connect.transfer.receive.Delivery;
import io.isthmus.connect.transfer.receive.Gap;
import io.isthmus.connect.transfer.receive.TransferSink;
import io.isthmus.model.Event;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The receiver's sink when no hub is wired: samples to {@code samples.jsonl} (the console's sample
 * form plus the journal id), gaps to {@code gaps.jsonl} as data-loss events, both appended and
 * flushed after each batch so a reader can follow them.
 */
public final class JsonLinesSink implements TransferSink, AutoCloseable {
    private final ObjectMapper json = new ObjectMapper();
    private final SampleBatchCodec samples = SampleBatchCodec.withDefaults();
    private final BufferedWriter sampleOut;
    private final BufferedWriter gapOut;

    public JsonLinesSink(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.sampleOut = open(dir.resolve("samples.jsonl"));
        this.gapOut = open(dir.resolve("gaps.jsonl"));
    }

    private static BufferedWriter open(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public void deliver(Delivery delivery) {
        try {
            for (JournalRecord r : delivery.records()) {
                if (samples.decode(r.payload()) instanceof SampleBatchDecoding.Decoded d) {
                    for (var s : d.samples()) {
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("journal_id", r.sequence());
                        line.put("sample", SampleJson.of(s));
                        sampleOut.write(json.writeValueAsString(line));
                        sampleOut.newLine();
                    }
                }
            }
            sampleOut.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write samples", e);
        }
    }

    @Override
    public void lost(Gap gap) {
        Event e = gap.toEvent();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", e.time().toString());
        line.put("kind", e.kind().name());
        line.put("severity", e.severity().name());
        line.put("title", e.title());
        Map<String, String> facts = new LinkedHashMap<>();
        e.evidence().facts().forEach(f -> facts.put(f.name(), f.value()));
        line.put("facts", facts);
        try {
            gapOut.write(json.writeValueAsString(line));
            gapOut.newLine();
            gapOut.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException("could not write gaps", ex);
        }
    }

    @Override
    public void close() throws IOException {
        sampleOut.close();
        gapOut.close();
    }
}
