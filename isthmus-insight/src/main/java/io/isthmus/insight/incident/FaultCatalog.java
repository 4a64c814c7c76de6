package io.isthmus.insight.incident;

import io.isthmus.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a machine's fault code means: its class (which picks the runbook) and a sentence. The hub
 * reads fault codes from PLCs and must not know the simulator, so the table is data here; {@link
 * #VIRTUAL_FACTORY} is the virtual factory's documented table (docs/virtual-factory.md), checked
 * against the simulator by a test.
 */
public record FaultCatalog(Map<Integer, Fault> byCode) {

    /** One fault code. */
    public record Fault(int code, String faultClass, String meaning) {
        public Fault {
            Objects.requireNonNull(faultClass, "fault class of code " + code);
            Objects.requireNonNull(meaning, "meaning of code " + code);
        }
    }

    public static final FaultCatalog VIRTUAL_FACTORY = of(List.of(
            new Fault(101, "electrical", "motor overload trip"),
            new Fault(102, "safety", "emergency stop pressed"),
            new Fault(103, "mechanical", "bearing failure (vibration beyond limit)"),
            new Fault(104, "thermal", "motor over temperature"),
            new Fault(201, "material", "bottle jam"),
            new Fault(202, "material", "low product level in filler bowl"),
            new Fault(203, "material", "cap feed jam"),
            new Fault(204, "material", "label web break"),
            new Fault(205, "material", "pallet layer misaligned")));

    public FaultCatalog {
        byCode = Map.copyOf(byCode);
    }

    public static FaultCatalog of(List<Fault> faults) {
        return new FaultCatalog(faults.stream().collect(Collectors.toMap(Fault::code, Function.identity())));
    }

    public Optional<Fault> fault(int code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * How urgent a fault of this class is: an emergency stop may mean someone is hurt (critical); a
     * drive trip (electrical, mechanical, thermal) needs a technician now (high); a jam or empty
     * feed is everyday operations (medium), as is a class this table does not know.
     */
    public static Severity severity(String faultClass) {
        return switch (faultClass) {
            case "safety" -> Severity.CRITICAL;
            case "electrical", "mechanical", "thermal" -> Severity.HIGH;
            default -> Severity.MEDIUM;
        };
    }
}
