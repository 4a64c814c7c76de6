package io.isthmus.connect.transfer.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayRequestsTest {

    @Test
    void a_submitted_request_is_pending_until_done_and_then_carries_the_result(@TempDir Path dir) throws Exception {
        var requests = ReplayRequests.besideJournal(dir.resolve("journal"));
        Path file = requests.submit(11, 20);
        assertThat(requests.directory()).isEqualTo(dir.resolve("journal.replay"));

        var pending = requests.pending();
        assertThat(pending).singleElement().satisfies(r -> {
            assertThat(r.from()).isEqualTo(11);
            assertThat(r.to()).isEqualTo(20);
        });
        requests.done(pending.getFirst(), "re-sent 10 records");

        assertThat(requests.pending()).isEmpty();
        assertThat(Files.readString(ReplayRequests.doneFile(file))).contains("re-sent 10 records");
    }

    @Test
    void a_request_file_with_a_backwards_range_is_rejected_not_served(@TempDir Path dir) throws Exception {
        var requests = new ReplayRequests(dir);
        Files.writeString(dir.resolve("1-20-11.request"), "");
        assertThat(requests.pending()).isEmpty();
        assertThat(dir.resolve("1-20-11.rejected")).exists();
    }
}
