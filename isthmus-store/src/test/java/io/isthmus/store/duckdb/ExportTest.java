package io.isthmus.store.duckdb;

import static io.isthmus.store.duckdb.Fixtures.COUNT;
import static io.isthmus.store.duckdb.Fixtures.CURRENT;
import static io.isthmus.store.duckdb.Fixtures.OTHER_LINE;
import static io.isthmus.store.duckdb.Fixtures.RECIPE;
import static io.isthmus.store.duckdb.Fixtures.RUNNING;
import static io.isthmus.store.duckdb.Fixtures.at;
import static io.isthmus.store.duckdb.Fixtures.bool;
import static io.isthmus.store.duckdb.Fixtures.integer;
import static io.isthmus.store.duckdb.Fixtures.real;
import static io.isthmus.store.duckdb.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Quality;
import io.isthmus.store.ExportQuery;
import io.isthmus.store.Historian;
import io.isthmus.store.TagPrefix;
import io.isthmus.store.TimeRange;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Layout.class)
class ExportTest {
    @Parameter
    Layout layout;

    @TempDir
    Path dir;

    final ExportQuery line1 =
            new ExportQuery(TagPrefix.parse("acme/plant1/bottling/line1"), new TimeRange(at(0), at(60)));

    @BeforeEach
    void fill() {
        try (Historian h = Fixtures.open(layout, dir.resolve("db"))) {
            h.append(List.of(
                    real(CURRENT, 1, 12.5),
                    real(CURRENT, 2, 0, Quality.BAD_COMM),
                    bool(RUNNING, 1, true),
                    integer(COUNT, 3, 1234567890123L),
                    text(RECIPE, 4, "cola, \"light\""),
                    real(CURRENT, 60, 99),
                    real(OTHER_LINE, 1, 7)));
        }
    }

    @Test
    void csvHasAHeaderOneLinePerSampleOrderedByTagThenTimeAndQuotesText() {
        StringWriter out = new StringWriter();
        long n;
        try (Historian h = Fixtures.open(layout, dir.resolve("db"))) {
            n = h.exportCsv(line1, out);
        }
        assertThat(n).isEqualTo(5);
        assertThat(out.toString())
                .isEqualTo(String.join(
                        "\r\n",
                        "time,tag,type,value,quality",
                        "2026-03-01T00:00:04Z,acme/plant1/bottling/line1/filler/batch/recipe,text,\"cola, \"\"light\"\"\",GOOD",
                        "2026-03-01T00:00:03Z,acme/plant1/bottling/line1/filler/counter/good,int,1234567890123,GOOD",
                        "2026-03-01T00:00:01Z,acme/plant1/bottling/line1/filler/motor/current,real,12.5,GOOD",
                        "2026-03-01T00:00:02Z,acme/plant1/bottling/line1/filler/motor/current,real,0.0,BAD_COMM",
                        "2026-03-01T00:00:01Z,acme/plant1/bottling/line1/filler/motor/running,bool,true,GOOD",
                        ""));
    }

    @Test
    void csvOfNothingIsJustTheHeader() {
        StringWriter out = new StringWriter();
        try (Historian h = Fixtures.open(layout, dir.resolve("db"))) {
            h.exportCsv(new ExportQuery(TagPrefix.parse("acme/plant9"), line1.range()), out);
        }
        assertThat(out.toString()).isEqualTo("time,tag,type,value,quality\r\n");
    }

    @Test
    void parquetReadsBackWithTypedColumns() throws Exception {
        Path file = dir.resolve("it's line1.parquet");
        try (Historian h = Fixtures.open(layout, dir.resolve("db"))) {
            assertThat(h.exportParquet(line1, file)).isEqualTo(5);
        }
        assertThat(Files.size(file)).isPositive();
        String source = "read_parquet('" + file.toString().replace("'", "''") + "')";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            List<String> types = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + source)) {
                while (rs.next()) {
                    types.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            assertThat(types)
                    .containsExactly(
                            "time TIMESTAMP WITH TIME ZONE",
                            "tag VARCHAR",
                            "type VARCHAR",
                            "quality VARCHAR",
                            "bool_value BOOLEAN",
                            "int_value BIGINT",
                            "real_value DOUBLE",
                            "text_value VARCHAR");
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT epoch_us(time), split_part(tag, '/', 7), type, quality,"
                    + " coalesce(bool_value::VARCHAR, int_value::VARCHAR, real_value::VARCHAR, text_value) FROM "
                    + source)) {
                while (rs.next()) {
                    rows.add((rs.getLong(1) - Micros.of(at(0))) / 1_000_000 + " " + rs.getString(2) + " "
                            + rs.getString(3) + " " + rs.getString(4) + " " + rs.getString(5));
                }
            }
            assertThat(rows)
                    .containsExactly(
                            "4 recipe text GOOD cola, \"light\"",
                            "3 good int GOOD 1234567890123",
                            "1 current real GOOD 12.5",
                            "2 current real BAD_COMM 0.0",
                            "1 running bool GOOD true");
        }
    }

    @Test
    void parquetReplacesAnExistingFile() throws Exception {
        Path file = dir.resolve("again.parquet");
        Files.writeString(file, "not parquet");
        try (Historian h = Fixtures.open(layout, dir.resolve("db"))) {
            assertThat(h.exportParquet(line1, file)).isEqualTo(5);
            assertThat(h.exportParquet(new ExportQuery(TagPrefix.parse("acme/plant9"), line1.range()), file))
                    .isZero();
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + file + "')")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
