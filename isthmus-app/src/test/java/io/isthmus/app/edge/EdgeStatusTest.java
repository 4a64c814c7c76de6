package io.isthmus.app.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edge's status says what the journal's open cost: segments from a seal and segments scanned. */
class EdgeStatusTest {
    private static EdgeStatus status(int fromSeal, int scanned) {
        return new EdgeStatus(
                "site-1",
                Map.of(),
                Map.of(),
                10,
                0,
                0,
                0,
                42,
                4096,
                0,
                40,
                40,
                3,
                0,
                false,
                "forwarding",
                List.of(),
                fromSeal,
                scanned,
                null);
    }

    @Test
    void prometheus_gives_the_segments_the_journal_open_took_from_a_seal_and_those_it_scanned() {
        String text = status(12, 1).prometheus();

        assertThat(text)
                .contains("# TYPE isthmus_edge_journal_open_sealed_segments gauge\n"
                        + "isthmus_edge_journal_open_sealed_segments{site=\"site-1\"} 12\n")
                .contains("# TYPE isthmus_edge_journal_open_scanned_segments gauge\n"
                        + "isthmus_edge_journal_open_scanned_segments{site=\"site-1\"} 1\n");
    }

    @Test
    void the_status_json_carries_both_counts() throws Exception {
        var json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(status(0, 13)));

        assertThat(json.get("journalSegmentsFromSeal").asInt()).isZero();
        assertThat(json.get("journalSegmentsScanned").asInt()).isEqualTo(13);
    }
}
