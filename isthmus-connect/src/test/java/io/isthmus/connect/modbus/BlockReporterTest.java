package io.isthmus.connect.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.connect.config.Deadband;
import io.isthmus.connect.config.ModbusAddress;
import io.isthmus.connect.config.ModbusTable;
import io.isthmus.connect.config.Scaling;
import io.isthmus.connect.config.TagConfig;
import io.isthmus.connect.poll.TagReporter;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.wire.modbus.Registers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockReporterTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static TagPath path(int i) {
        return TagPath.parse("e/s/a/l/c/eq/p" + i);
    }

    private static TagConfig tag(int i, String address, Deadband deadband, Scaling scaling) {
        return new TagConfig(
                path(i), "plc", ModbusAddress.parse(address), scaling, "", deadband, java.util.Optional.empty());
    }

    private static ReadBlock block(List<TagConfig> tags, int quantity) {
        return new ReadBlock(
                ModbusTable.HOLDING_REGISTER,
                0,
                quantity,
                tags.stream().map(PolledTag::new).toList());
    }

    /**
     * The same random history (good reads with repeated, equal and older timestamps, exception
     * responses, lost connections, staleness checks) through one BlockReporter and through one
     * TagReporter per tag gives the same samples in the same order.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void decidesEveryTagExactlyAsATagReporterDoes(long seed) {
        var random = new Random(seed);
        Deadband[] deadbands = {Deadband.NONE, Deadband.absolute(2), Deadband.percent(10), Deadband.absolute(0)};
        List<TagConfig> tags = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Deadband d = seed % 2 == 0 ? Deadband.NONE : deadbands[random.nextInt(deadbands.length)];
            tags.add(tag(i, "holding:" + i, d, Scaling.IDENTITY));
        }
        var block = new BlockReporter(block(tags, 6), 0);
        List<TagReporter> reference = tags.stream()
                .map(t -> new TagReporter(t.path(), t.deadband(), 0))
                .toList();
        List<Sample> ours = new ArrayList<>();
        List<Sample> theirs = new ArrayList<>();
        Instant time = T0;
        long nanos = 0;
        for (int step = 0; step < 400; step++) {
            int kind = random.nextInt(10);
            int clock = random.nextInt(4);
            time = switch (clock) {
                case 0 -> time; // the same instant again
                case 1 -> time.minusMillis(3); // the clock went back
                default -> time.plusMillis(1 + random.nextInt(20));
            };
            nanos += 1_000_000;
            if (kind < 6) {
                Value[] values = new Value[tags.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = random.nextBoolean() ? Value.of(random.nextInt(5)) : Value.of(random.nextInt(40) * 0.5);
                }
                block.good(values.clone(), time, nanos, ours::add);
                for (int i = 0; i < values.length; i++) {
                    reference.get(i).good(values[i], time, nanos, theirs::add);
                }
            } else if (kind < 8) {
                Quality q = kind == 6 ? Quality.BAD_DEVICE : Quality.BAD_COMM;
                block.bad(q, time, ours::add);
                for (TagReporter r : reference) {
                    r.bad(q, time, theirs::add);
                }
            } else {
                long deadline = nanos - random.nextInt(3) * 1_000_000L;
                block.staleIfOlderThan(deadline, time, ours::add);
                for (TagReporter r : reference) {
                    r.staleIfOlderThan(deadline, time, theirs::add);
                }
            }
        }
        assertThat(theirs).hasSizeGreaterThan(100);
        assertThat(ours).containsExactlyElementsOf(theirs);
        for (int i = 0; i < tags.size(); i++) {
            assertThat(block.quality(i)).isEqualTo(reference.get(i).quality());
        }
    }

    @Test
    void registersAreDecodedAsThePointDecoderDecodesThem() {
        List<TagConfig> plain = List.of(
                tag(0, "holding:0:uint16", Deadband.NONE, Scaling.IDENTITY),
                tag(1, "holding:1:int16", Deadband.NONE, Scaling.IDENTITY),
                tag(2, "holding:2", Deadband.NONE, Scaling.IDENTITY));
        List<TagConfig> mixed = List.of(
                tag(0, "holding:0:int16", Deadband.NONE, new Scaling(0.1, 0)),
                tag(1, "holding:1:float32:cdab", Deadband.NONE, Scaling.IDENTITY),
                tag(2, "holding:3:uint16", Deadband.NONE, Scaling.IDENTITY));
        Registers registers = Registers.of(0xFFFE, 0x8001, 0x1234, 0x4049);
        short[] words = registers.toShortArray();
        for (List<TagConfig> tags : List.of(plain, mixed)) {
            List<Sample> out = new ArrayList<>();
            new BlockReporter(block(tags, 4), 0).registers(registers, T0, 1, out::add);
            List<Value> expected = tags.stream()
                    .map(t -> PointDecoder.decode(
                            (ModbusAddress.RegisterPoint) t.address(),
                            words,
                            t.address().address(),
                            t.scaling()))
                    .toList();
            assertThat(out).extracting(Sample::value).containsExactlyElementsOf(expected);
            assertThat(out).extracting(Sample::quality).containsOnly(Quality.GOOD);
        }
    }

    @Test
    void aReadIsHandedOverAsOneBatchAndABatchTheSinkRefusedIsNotSentAgain() {
        List<TagConfig> tags = List.of(
                tag(0, "holding:0", Deadband.NONE, Scaling.IDENTITY),
                tag(1, "holding:1", Deadband.NONE, Scaling.IDENTITY));
        var block = new BlockReporter(block(tags, 2), 0);
        List<List<Sample>> batches = new ArrayList<>();
        var sink = new io.isthmus.connect.poll.SampleSink() {
            boolean broken = true;

            @Override
            public void accept(Sample sample) {
                throw new AssertionError("one sample at a time");
            }

            @Override
            public void acceptAll(List<Sample> samples) {
                if (broken) {
                    throw new IllegalStateException("sink broken");
                }
                batches.add(List.copyOf(samples));
            }
        };
        assertThatThrownBy(() -> block.registers(Registers.of(1, 2), T0, 1, sink))
                .hasMessage("sink broken");
        sink.broken = false;
        block.registers(Registers.of(3, 4), T0.plusSeconds(1), 2, sink);
        block.bad(Quality.BAD_COMM, T0.plusSeconds(2), sink);
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).extracting(Sample::value).containsExactly(Value.of(3), Value.of(4));
        assertThat(batches.get(1))
                .extracting(Sample::quality, Sample::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Quality.BAD_COMM, Value.of(3)),
                        org.assertj.core.groups.Tuple.tuple(Quality.BAD_COMM, Value.of(4)));
    }

    @Test
    void aBlockReadRecentlyIsNotStaleAndOneThatWasNotGoesStaleOnce() {
        List<TagConfig> tags = List.of(tag(0, "holding:0", Deadband.NONE, Scaling.IDENTITY));
        var block = new BlockReporter(block(tags, 1), 0);
        List<Sample> out = new ArrayList<>();
        block.registers(Registers.of(7), T0, 1_000, out::add);
        block.staleIfOlderThan(1_000, T0.plusSeconds(1), out::add); // read at the deadline: fresh
        block.staleIfOlderThan(1_001, T0.plusSeconds(2), out::add);
        block.staleIfOlderThan(1_002, T0.plusSeconds(3), out::add);
        assertThat(out).extracting(Sample::quality).containsExactly(Quality.GOOD, Quality.STALE);
    }
}
