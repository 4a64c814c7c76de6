package io.isthmus.store.duckdb;

import static io.isthmus.store.duckdb.Fixtures.CURRENT;
import static io.isthmus.store.duckdb.Fixtures.OTHER_LINE;
import static io.isthmus.store.duckdb.Fixtures.at;
import static io.isthmus.store.duckdb.Fixtures.real;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.Sample;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.HistorianException;
import io.isthmus.store.JournalId;
import io.isthmus.store.JournalProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the block layout has: its rows, block sizes, corrupt blocks, version 1 files, marks. */
class BlockLayoutTest {
    @TempDir
    Path dir;

    private BlockHistorian open() {
        return BlockHistorian.open(HistorianConfig.create(dir, b -> b.threads(2).memoryLimitMiB(256)));
    }

    private Connection file() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(DuckDbHistorian.FILE_NAME));
    }

    private static List<Sample> noise(long firstSecond, int n, long seed) {
        Random r = new Random(seed);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(real(CURRENT, firstSecond + i, r.nextGaussian() * 1e6));
        }
        return out;
    }

    @Test
    void oneJournalAppendWritesSampleBlocksPartialsAndOneMarkInTheBlocksTable() throws Exception {
        try (BlockHistorian h = open()) {
            h.append(
                    JournalId.of("edge-1"),
                    7,
                    List.of(real(CURRENT, 0, 1), real(CURRENT, 61, 2), real(OTHER_LINE, 0, 3)));
        }
        try (Connection c = file();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT kind, count(*), sum(n) FROM blocks GROUP BY kind ORDER BY kind")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getInt(1) + ":" + rs.getLong(2) + ":" + rs.getLong(3));
            }
            // two sample blocks (one per tag, 3 samples), one partials row (3 partials), one mark
            assertThat(rows).containsExactly("0:2:3", "1:1:3", "2:1:0");
        }
    }

    @Test
    void blocksStayUnderFourKilobytesAndHoldEverySample() throws Exception {
        try (BlockHistorian h = open()) {
            h.append(noise(0, 10_000, 1));
        }
        try (Connection c = file();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT max(octet_length(data)), sum(n), count(*) FROM blocks WHERE kind = 0")) {
            rs.next();
            assertThat(rs.getLong(1)).isLessThanOrEqualTo(BlockWriter.MAX_BLOCK_BYTES);
            assertThat(rs.getLong(2)).isEqualTo(10_000);
            assertThat(rs.getLong(3)).isGreaterThan(10_000 / BlockWriter.MAX_BLOCK_SAMPLES);
        }
        try (BlockHistorian h = open()) {
            assertThat(h.range(CURRENT, at(0), at(10_000), 20_000).samples()).isEqualTo(noise(0, 10_000, 1));
        }
    }

    @Test
    void aCorruptBlockIsAHistorianExceptionNamingTagAndBlock() throws Exception {
        try (BlockHistorian h = open()) {
            h.append(List.of(real(CURRENT, 0, 1)));
            h.append(List.of(real(CURRENT, 10, 2)));
        }
        long seq;
        try (Connection c = file();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT seq, data FROM blocks WHERE kind = 0 ORDER BY t_min LIMIT 1")) {
            rs.next();
            seq = rs.getLong(1);
            byte[] data = rs.getBytes(2);
            data[data.length / 2] ^= 0x40;
            try (PreparedStatement ps = c.prepareStatement("UPDATE blocks SET data = ? WHERE seq = ?")) {
                ps.setBytes(1, data);
                ps.setLong(2, seq);
                ps.executeUpdate();
            }
        }
        try (BlockHistorian h = open()) {
            assertThat(h.latest(CURRENT).orElseThrow().value().asDouble()).isEqualTo(2.0);
            assertThatThrownBy(() -> h.range(CURRENT, at(0), at(20), 10))
                    .isInstanceOf(HistorianException.class)
                    .hasMessageContaining("block " + seq + " of tag " + CURRENT)
                    .hasMessageContaining("checksum");
        }
    }

    @Test
    void aVersionOneFileIsRefusedWithAMessageSayingHowToOpenIt() {
        try (DuckDbHistorian h = DuckDbHistorian.open(HistorianConfig.create(dir))) {
            h.append(List.of(real(CURRENT, 0, 1)));
        }
        assertThatThrownBy(this::open)
                .isInstanceOf(HistorianException.class)
                .hasMessageContaining("schema version 1")
                .hasMessageContaining("DuckDbHistorian.open");
        try (DuckDbHistorian h = DuckDbHistorian.open(HistorianConfig.create(dir))) {
            assertThat(h.latest(CURRENT)).isPresent();
        }
    }

    @Test
    void theRowLayoutRefusesABlockFileBeforeTouchingIt() throws Exception {
        try (BlockHistorian h = open()) {
            h.append(List.of(real(CURRENT, 0, 1)));
        }
        Path file = dir.resolve(DuckDbHistorian.FILE_NAME);
        String before = sha256(file);
        List<String> tablesBefore = tables();
        assertThatThrownBy(() -> DuckDbHistorian.open(HistorianConfig.create(dir)))
                .isInstanceOf(HistorianException.class)
                .hasCauseInstanceOf(SchemaVersionException.class)
                .hasMessageContaining("schema version 3 is not the row layout")
                .hasMessageContaining("BlockHistorian.open");
        assertThat(tables()).isEqualTo(tablesBefore).doesNotContain("samples", "rollup_1m");
        assertThat(sha256(file)).isEqualTo(before);
        try (BlockHistorian h = open()) {
            assertThat(h.latest(CURRENT)).isPresent();
        }
    }

    private List<String> tables() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = file();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void retentionCompactsTheMarksAndTheProgressSurvivesReopen() throws Exception {
        JournalId edge = JournalId.of("edge-1");
        HistorianConfig config = HistorianConfig.create(dir, b -> b.retention(Duration.ofSeconds(100)));
        try (BlockHistorian h = BlockHistorian.open(config)) {
            for (long seq = 0; seq < 5; seq++) {
                h.append(edge, seq, List.of(real(CURRENT, seq * 60, seq)));
            }
            h.enforceRetention(at(240));
        }
        try (Connection c = file();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM blocks WHERE kind = 2")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
        try (BlockHistorian h = BlockHistorian.open(config)) {
            assertThat(h.journalProgress(edge)).isEqualTo(new JournalProgress(4, List.of()));
            assertThat(h.append(edge, 4, List.of(real(CURRENT, 999, 9))).recordsSkipped())
                    .isEqualTo(1);
            assertThat(h.range(CURRENT, at(0), at(1000), 10).samples())
                    .extracting(s -> s.value().asDouble())
                    .containsExactly(2.0, 3.0, 4.0);
        }
    }

    @Test
    void theDefaultOpenerUsesBlocksForANewDirectoryAndKeepsRowsForAVersionOneFile() {
        Path fresh = dir.resolve("new");
        Path old = dir.resolve("old");
        try (var h = DuckDbHistorians.open(HistorianConfig.create(fresh))) {
            assertThat(h).isInstanceOf(BlockHistorian.class);
            h.append(List.of(real(CURRENT, 0, 1)));
        }
        try (var h = DuckDbHistorian.open(HistorianConfig.create(old))) {
            h.append(List.of(real(CURRENT, 0, 2)));
        }
        try (var h = DuckDbHistorians.open(HistorianConfig.create(fresh))) {
            assertThat(h).isInstanceOf(BlockHistorian.class);
            assertThat(h.latest(CURRENT).orElseThrow().value().asDouble()).isEqualTo(1.0);
        }
        try (var h = DuckDbHistorians.open(HistorianConfig.create(old))) {
            assertThat(h).isInstanceOf(DuckDbHistorian.class);
            assertThat(h.latest(CURRENT).orElseThrow().value().asDouble()).isEqualTo(2.0);
        }
    }
}
