package io.isthmus.connect.modbus;

import io.isthmus.connect.config.ModbusTable;
import io.isthmus.connect.config.SourceConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Coalesces the tags of one poll group into as few reads as possible: per table, tags sorted by
 * address are merged while the block stays within the source's per-request maximum (at most 125
 * registers or 2000 bits, Application Protocol V1.1b3 sections 6.1-6.4) and the hole between two
 * tags is at most {@code maxGap} addresses. Reading a few unused addresses is cheaper than another
 * round trip, but a large gap risks an ILLEGAL_DATA_ADDRESS for the whole block on devices with
 * sparse maps, hence the limit. Tags that overlap share the block.
 */
public final class BlockPlanner {
    private BlockPlanner() {}

    public static List<ReadBlock> plan(List<PolledTag> tags, SourceConfig source) {
        Map<ModbusTable, List<PolledTag>> byTable = new EnumMap<>(ModbusTable.class);
        for (PolledTag t : tags) {
            byTable.computeIfAbsent(t.config().address().table(), k -> new ArrayList<>())
                    .add(t);
        }
        List<ReadBlock> blocks = new ArrayList<>();
        byTable.forEach((table, list) -> blocks.addAll(planTable(table, list, source)));
        return blocks;
    }

    private static List<ReadBlock> planTable(ModbusTable table, List<PolledTag> tags, SourceConfig source) {
        int max = table.isBit() ? source.maxBitsPerRequest() : source.maxRegistersPerRequest();
        List<PolledTag> sorted = new ArrayList<>(tags);
        sorted.sort(Comparator.comparingInt(t -> t.config().address().address()));
        List<ReadBlock> blocks = new ArrayList<>();
        List<PolledTag> members = new ArrayList<>();
        int start = -1;
        int end = -1; // exclusive
        for (PolledTag t : sorted) {
            int a = t.config().address().address();
            int e = a + t.config().address().width();
            if (e - a > max) {
                throw new IllegalArgumentException(
                        t.config().path() + " at " + t.config().address() + " is wider than " + max
                                + ", the largest read of source " + source.id());
            }
            boolean fits = start >= 0 && a - end <= source.maxGap() && Math.max(end, e) - start <= max;
            if (!fits) {
                if (start >= 0) {
                    blocks.add(new ReadBlock(table, start, end - start, members));
                }
                members = new ArrayList<>();
                start = a;
                end = e;
            }
            members.add(t);
            end = Math.max(end, e);
        }
        if (start >= 0) {
            blocks.add(new ReadBlock(table, start, end - start, members));
        }
        return blocks;
    }
}
