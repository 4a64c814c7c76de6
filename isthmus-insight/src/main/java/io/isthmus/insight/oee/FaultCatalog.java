package io.isthmus.insight.oee;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Fault codes and their classes; unknown codes are reported as class "unknown", not dropped. */
public record FaultCatalog(Map<Integer, FaultInfo> faults) {
    /** The virtual factory's fault codes (docs/virtual-factory.md). */
    public static final FaultCatalog DEFAULT = of(List.of(
            new FaultInfo(101, "electrical", "motor overload trip"),
            new FaultInfo(102, "safety", "emergency stop pressed"),
            new FaultInfo(103, "mechanical", "bearing failure (vibration beyond limit)"),
            new FaultInfo(104, "thermal", "motor over temperature"),
            new FaultInfo(201, "material", "bottle jam (conveyor)"),
            new FaultInfo(202, "material", "low product level (filler)"),
            new FaultInfo(203, "material", "cap feed jam (capper)"),
            new FaultInfo(204, "material", "label web break (labeler)"),
            new FaultInfo(205, "material", "pallet layer misaligned (palletizer)")));

    public FaultCatalog {
        faults = Map.copyOf(faults);
        faults.forEach((k, v) -> {
            if (k != v.code()) {
                throw new IllegalArgumentException("fault catalog key " + k + " holds code " + v.code());
            }
        });
    }

    public static FaultCatalog of(List<FaultInfo> faults) {
        return new FaultCatalog(faults.stream().collect(Collectors.toMap(FaultInfo::code, Function.identity())));
    }

    public FaultInfo describe(int code) {
        FaultInfo known = faults.get(code);
        return known != null ? known : new FaultInfo(code, "unknown", "fault code " + code);
    }
}
