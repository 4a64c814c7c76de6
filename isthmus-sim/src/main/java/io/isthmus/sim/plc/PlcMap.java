package io.isthmus.sim.plc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documented register map of one simulated PLC: its points and the size of each table.
 * Tables are sized to cover the highest mapped address, so anything beyond answers Modbus
 * exception 02 (illegal data address).
 */
public record PlcMap(
        String device,
        List<RegisterPoint> points,
        int coils,
        int discreteInputs,
        int holdingRegisters,
        int inputRegisters) {

    public PlcMap {
        points = List.copyOf(points);
        Map<String, RegisterPoint> seen = new LinkedHashMap<>();
        for (RegisterPoint p : points) {
            if (seen.put(p.name(), p) != null) {
                throw new IllegalArgumentException(device + ": duplicate point name " + p.name());
            }
            int size = switch (p.table()) {
                case COIL -> coils;
                case DISCRETE_INPUT -> discreteInputs;
                case HOLDING_REGISTER -> holdingRegisters;
                case INPUT_REGISTER -> inputRegisters;
            };
            if (!RegisterImage.inRange(size, p.address(), p.encoding().width())) {
                throw new IllegalArgumentException(
                        device + ": point " + p.name() + " lies outside its table of " + size);
            }
        }
    }

    public RegisterImage newImage() {
        return new RegisterImage(coils, discreteInputs, holdingRegisters, inputRegisters);
    }

    public Optional<RegisterPoint> point(String name) {
        return points.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public RegisterPoint require(String name) {
        return point(name).orElseThrow(() -> new IllegalArgumentException(device + " has no point " + name));
    }
}
