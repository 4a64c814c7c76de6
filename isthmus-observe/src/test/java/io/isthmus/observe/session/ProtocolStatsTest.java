package io.isthmus.observe.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Anomalies are counted per code up to the bound, the rest under "other", as a plain ordered map would. */
class ProtocolStatsTest {

    @Test
    void codesBeyondTheBoundAreCountedUnderOther() {
        ProtocolStats p = new ProtocolStats(Protocol.MODBUS, limits(2));
        p.anomaly(new Anomaly("b_code", "x"));
        p.anomaly(new Anomaly("a_code", "x"));
        p.anomaly(new Anomaly("c_code", "x"));
        p.anomaly(new Anomaly("c_code", "x"));
        p.anomaly(new Anomaly("a_code", "x"));

        assertThat(p.anomalies())
                .containsExactly(Map.entry("a_code", 2L), Map.entry("b_code", 1L), Map.entry("other", 2L));
    }

    @Test
    void randomCodesSharedAndFreshMatchTheOrderedMapAndAddUpAcrossShards() {
        Random random = new Random(29);
        String[] constants = new String[40];
        for (int i = 0; i < constants.length; i++) {
            constants[i] = "code_" + i;
        }
        for (int bound : new int[] {1, 3, 16, 17, 40, 256}) {
            ProtocolStats p = new ProtocolStats(Protocol.DNP3, limits(bound));
            ProtocolStats shard = new ProtocolStats(Protocol.DNP3, limits(bound));
            Map<String, Long> model = new TreeMap<>();
            Map<String, Long> shardModel = new TreeMap<>();
            for (int i = 0; i < 20_000; i++) {
                // the same constant instance mostly, now and then an equal string of its own
                String c = constants[random.nextInt(random.nextBoolean() ? 3 : constants.length)];
                String code = random.nextInt(10) == 0 ? new String(c) : c;
                boolean toShard = random.nextInt(4) == 0;
                (toShard ? shard : p).anomaly(new Anomaly(code, "detail"));
                count(toShard ? shardModel : model, code, 1, bound);
            }
            assertThat(p.anomalies()).isEqualTo(model);
            assertThat(shard.anomalies()).isEqualTo(shardModel);
            p.add(shard);
            shardModel.forEach((code, n) -> count(model, code, n, bound));
            assertThat(p.anomalies()).isEqualTo(model);
        }
    }

    /** The counting as it was: the code's own entry while there is room, else "other". */
    private static void count(Map<String, Long> model, String code, long n, int bound) {
        String kept = model.containsKey(code) || model.size() < bound ? code : "other";
        model.merge(kept, n, Long::sum);
    }

    private static SessionLimits limits(int maxAnomalyCodes) {
        return new SessionLimits(65_536, 256, 4, 4096, maxAnomalyCodes, 512);
    }
}
