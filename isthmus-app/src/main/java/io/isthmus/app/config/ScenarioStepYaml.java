package io.isthmus.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.isthmus.sim.process.FaultCode;
import io.isthmus.sim.process.MachineKind;
import io.isthmus.sim.scenario.ScenarioAction;
import io.isthmus.sim.scenario.ScenarioStep;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * One step as written in a scenario file. It is converted to a typed {@link ScenarioStep} inside
 * the creator, so a mistake is reported by Jackson with the file's line and column.
 */
final class ScenarioStepYaml {
    final ScenarioStep step;

    @JsonCreator
    ScenarioStepYaml(
            @JsonProperty(value = "at", required = true) String at,
            @JsonProperty(value = "action", required = true) String action,
            @JsonProperty("machine") String machine,
            @JsonProperty("fault") String fault,
            @JsonProperty("repair") String repair,
            @JsonProperty("until-failure") String untilFailure,
            @JsonProperty("from") String from,
            @JsonProperty("address") Integer address,
            @JsonProperty("value") Object value,
            @JsonProperty("ports") String ports) {
        this.step = new ScenarioStep(
                DurationText.parse(at),
                switch (action.trim().toLowerCase(Locale.ROOT)) {
                    case "fault" ->
                        new ScenarioAction.Fault(
                                machine(machine),
                                FaultCode.parse(need(fault, "fault")),
                                repair == null ? Duration.ofMinutes(2) : DurationText.parse(repair));
                    case "degrade-bearing" ->
                        new ScenarioAction.DegradeBearing(
                                machine(machine), DurationText.parse(need(untilFailure, "until-failure")));
                    case "write-coil" ->
                        new ScenarioAction.WriteCoil(
                                host(from), machine(machine), need(address, "address"), bool(value));
                    case "write-register" ->
                        new ScenarioAction.WriteRegister(
                                host(from), machine(machine), need(address, "address"), register(value));
                    case "restart-communications" ->
                        new ScenarioAction.RestartCommunications(host(from), machine(machine));
                    case "recon-scan" -> scan(host(from), ports);
                    default ->
                        throw new IllegalArgumentException(
                                "unknown action '" + action
                                        + "'; expected fault, degrade-bearing, write-coil, write-register, restart-communications or recon-scan");
                });
    }

    private static MachineKind machine(String id) {
        return MachineKind.parse(need(id, "machine"));
    }

    private static InetAddress host(String address) {
        String a = need(address, "from");
        if (!a.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            throw new IllegalArgumentException("'from' must be an IP address, not a name: " + a);
        }
        try {
            return InetAddress.getByName(a);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'from' is not an IP address: " + a);
        }
    }

    private static boolean bool(Object value) {
        return switch (value) {
            case Boolean b -> b;
            case Integer i when i == 0 || i == 1 -> i == 1;
            case null -> throw new IllegalArgumentException("write-coil needs 'value: true' or 'value: false'");
            default -> throw new IllegalArgumentException("a coil value is true/false or 1/0, not " + value);
        };
    }

    private static int register(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        throw new IllegalArgumentException("a register value is an integer 0..65535, not " + value);
    }

    private static ScenarioAction scan(InetAddress from, String ports) {
        if (ports == null || ports.trim().equals("plcs")) {
            return new ScenarioAction.ReconScan(from, java.util.Optional.empty());
        }
        String[] range = ports.trim().split("-", -1);
        try {
            int first = Integer.parseInt(range[0].trim());
            int last = range.length == 2 ? Integer.parseInt(range[1].trim()) : first;
            if (range.length > 2) {
                throw new NumberFormatException();
            }
            return new ScenarioAction.ReconScan(from, java.util.Optional.of(new ScenarioAction.PortRange(first, last)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'ports' is 'plcs', a port, or a range like 5015-5030, not " + ports);
        }
    }

    private static <T> T need(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("this action needs '" + field + "'");
        }
        return value;
    }
}
