package io.isthmus.connect.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.config.HostPort;
import io.isthmus.connect.config.ModbusAddress;
import io.isthmus.connect.config.ModbusTable;
import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.config.TagConfig;
import io.isthmus.model.TagPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockPlannerTest {
    private static final SourceConfig SOURCE =
            SourceConfig.create("plc", new HostPort("127.0.0.1", 502), b -> b.maxGap = 3);

    private static List<PolledTag> tags(String... addresses) {
        List<PolledTag> out = new ArrayList<>();
        for (int i = 0; i < addresses.length; i++) {
            var path = TagPath.parse("e/s/a/l/c/eq/p" + i);
            out.add(new PolledTag(TagConfig.of(path, "plc", ModbusAddress.parse(addresses[i]))));
        }
        return out;
    }

    @Test
    void adjacentAndNearbyRegistersOfOneTableShareARead() {
        var blocks = BlockPlanner.plan(tags("holding:0", "holding:1:uint32", "holding:6", "holding:20"), SOURCE);
        assertThat(blocks)
                .extracting(ReadBlock::start, ReadBlock::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 7), org.assertj.core.groups.Tuple.tuple(20, 1));
    }

    @Test
    void tablesAreNeverMixed() {
        var blocks = BlockPlanner.plan(tags("holding:0", "input:1", "coil:0", "discrete:0"), SOURCE);
        assertThat(blocks).extracting(ReadBlock::table).containsExactlyInAnyOrder(ModbusTable.values());
    }

    @Test
    void aBlockNeverExceeds125RegistersOr2000Bits() {
        String[] regs = new String[300];
        String[] bits = new String[4100];
        for (int i = 0; i < regs.length; i++) {
            regs[i] = "input:" + i;
        }
        for (int i = 0; i < bits.length; i++) {
            bits[i] = "coil:" + i;
        }
        assertThat(BlockPlanner.plan(tags(regs), SOURCE))
                .extracting(ReadBlock::quantity)
                .containsExactly(125, 125, 50);
        assertThat(BlockPlanner.plan(tags(bits), SOURCE))
                .extracting(ReadBlock::quantity)
                .containsExactly(2000, 2000, 100);
    }

    @Test
    void aValueIsNeverSplitAcrossReads() {
        var blocks = BlockPlanner.plan(tags("input:0", "input:124:uint32"), SOURCE);
        assertThat(blocks).extracting(ReadBlock::start).containsExactly(0, 124);
        assertThat(blocks.get(1).quantity()).isEqualTo(2);
    }
}
