package io.isthmus.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyAttributesTest {

    /** A function code and an address, described as numbers: the shape of a dissector's summary. */
    static final class Request extends LazyAttributes {
        final int function;
        final long address;
        final AtomicInteger described = new AtomicInteger();

        Request(int function, long address) {
            this.function = function;
            this.address = address;
        }

        @Override
        public void writeTo(AttributeSink sink) {
            described.incrementAndGet();
            sink.name("function");
            sink.decimal(function);
            sink.name("address");
            sink.hex(address, 4);
            sink.name("flag");
            sink.text("on");
        }
    }

    static final List<Attribute> EXPECTED =
            List.of(new Attribute("function", "6"), new Attribute("address", "0x002A"), new Attribute("flag", "on"));

    @Test
    void theListViewHoldsWhatWriteToDescribesAndIsBuiltOnceForOneReader() {
        Request r = new Request(6, 42);
        assertThat(r).containsExactlyElementsOf(EXPECTED);
        assertThat(r.size()).isEqualTo(3);
        assertThat(r.get(1)).isEqualTo(new Attribute("address", "0x002A"));
        assertThat(r.described).as("built on first read, then kept").hasValue(1);
    }

    @Test
    void readersOnOtherThreadsAllSeeTheCompleteListAndBuildItAtMostOnceEach() throws Exception {
        int readers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            for (int round = 0; round < 200; round++) {
                Request r = new Request(6, 42);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<List<Attribute>>> seen = new ArrayList<>();
                for (int i = 0; i < readers; i++) {
                    // handed over through the executor's queue: the publication the class asks for
                    seen.add(pool.submit(() -> {
                        go.await();
                        List<Attribute> copy = new ArrayList<>();
                        for (int k = 0; k < r.size(); k++) {
                            copy.add(r.get(k));
                        }
                        return copy;
                    }));
                }
                go.countDown();
                for (Future<List<Attribute>> s : seen) {
                    assertThat(s.get()).containsExactlyElementsOf(EXPECTED);
                }
                assertThat(r.described.get()).isBetween(1, readers);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
