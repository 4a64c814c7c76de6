package io.isthmus.connect.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JournalConfigTest {
    private static final Path DIR = Path.of("/var/lib/isthmus/journal");

    private static void refused(Consumer<JournalConfig.Builder> change, String message) {
        assertThatThrownBy(() -> JournalConfig.create(DIR, change))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void defaults_fsync_every_record_drop_the_oldest_and_bound_the_journal_to_one_gibibyte() {
        var config = JournalConfig.defaults(DIR);

        assertThat(config.fsync()).isEqualTo(new FsyncPolicy.EveryRecord());
        assertThat(config.whenFull()).isEqualTo(FullPolicy.DROP_OLDEST);
        assertThat(config.maxRecordBytes()).isEqualTo(1 << 20);
        assertThat(config.maxSegmentBytes()).isEqualTo(64L << 20);
        assertThat(config.maxTotalBytes()).isEqualTo(1L << 30);
        assertThat(config.maxSegments()).isEqualTo(1024);
    }

    @Test
    void a_journal_needs_room_for_two_segments() {
        refused(b -> b.maxSegmentBytes(8 << 20).maxTotalBytes((16 << 20) - 1), "below two segments");
        refused(b -> b.maxSegments(1), "maxSegments is 1");
    }

    @Test
    void a_record_must_fit_in_a_segment_with_its_framing() {
        refused(b -> b.maxSegmentBytes(4096).maxRecordBytes(4096), "must fit in a segment");
        assertThat(JournalConfig.create(DIR, b -> b.maxSegmentBytes(4096).maxRecordBytes(4096 - 32 - 25))
                        .maxRecordBytes())
                .isEqualTo(4039);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 4095, (1L << 30) + 1})
    void segment_sizes_outside_4_kib_to_1_gib_are_refused(long bytes) {
        refused(b -> b.maxSegmentBytes(bytes), "maxSegmentBytes is " + bytes);
    }

    @Test
    void group_commit_needs_at_least_one_record_and_a_delay_up_to_a_minute() {
        assertThatThrownBy(() -> FsyncPolicy.everyNRecords(0, Duration.ofMillis(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRecords is 0");
        assertThatThrownBy(() -> FsyncPolicy.interval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("above zero");
        assertThatThrownBy(() -> FsyncPolicy.interval(Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FsyncPolicy.interval(Duration.ofMillis(10)))
                .isEqualTo(new FsyncPolicy.GroupCommit(Integer.MAX_VALUE, Duration.ofMillis(10)));
    }

    @Test
    void consumers_reservation_and_index_are_bounded() {
        refused(b -> b.maxConsumers(0), "maxConsumers");
        refused(b -> b.sequenceReservation(0), "sequenceReservation");
        refused(b -> b.indexIntervalBytes(100), "indexIntervalBytes");
    }
}
