package io.isthmus.insight.oee;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Fault codes and their classes; unknown codes are reported as class "unknown", not dropped. */
public record FaultCatalog(Map<Integer, FaultInfo> faults) {
    /**
     * The virtual factory's fault codes (docs/virtual-factory.md): the incident desk's table,
     * which a test keeps equal to the simulator's, so the two never drift apart.
     */
    public static final FaultCatalog DEFAULT =
            of(io.isthmus.insight.incident.FaultCatalog.VIRTUAL_FACTORY.byCode().values().stream()
                    .map(f -> new FaultInfo(f.code(), f.faultClass(), f.meaning()))
                    .toList());

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
