package io.isthmus.sim.process;

import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.sim.plc.ModbusTable;
import io.isthmus.sim.plc.PlcMap;
import io.isthmus.sim.plc.RegisterImage;
import io.isthmus.sim.plc.RegisterPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The line's points under ISA-95 names, read and written through the PLCs' register images, so
 * the OPC UA view and the Modbus view of a value can never disagree.
 */
public final class LineProcessImage implements ProcessImage {
    private record Binding(PointSpec spec, RegisterImage image, RegisterPoint point) {}

    private final Map<TagPath, Binding> bindings = new LinkedHashMap<>();
    private final List<PointSpec> points;

    public LineProcessImage(BottlingLine line, LineNames names) {
        for (MachineKind kind : MachineKind.values()) {
            bind(names, kind.cell(), line.map(kind), line.image(kind));
        }
        bind(names, LineNames.UTILITIES_CELL, line.meterMap(), line.meterImage());
        this.points = List.copyOf(
                new ArrayList<>(bindings.values().stream().map(Binding::spec).toList()));
    }

    private void bind(LineNames names, String cell, PlcMap map, RegisterImage image) {
        for (RegisterPoint p : map.points()) {
            TagPath path = names.path(cell, map.device(), p.name());
            PointSpec spec = new PointSpec(path, p.type(), p.writable(), p.unit(), p.description());
            bindings.put(path, new Binding(spec, image, p));
        }
    }

    @Override
    public List<PointSpec> points() {
        return points;
    }

    @Override
    public Value read(TagPath path) {
        Binding b = binding(path);
        return b.point().read(b.image());
    }

    @Override
    public boolean write(TagPath path, Value value) {
        Binding b = binding(path);
        RegisterPoint p = b.point();
        if (!p.writable()) {
            return false;
        }
        if (p.table() == ModbusTable.COIL) {
            if (!(value instanceof Value.Bool(boolean bit))) {
                return false;
            }
            b.image().writeCoils(p.address(), new boolean[] {bit});
            return true;
        }
        return switch (value) {
            case Value.Int(long v) -> writeWords(b, v);
            case Value.Real(double v) -> writeWords(b, v);
            case Value.Bool ignored -> false;
            case Value.Text ignored -> false;
        };
    }

    private static boolean writeWords(Binding b, double v) {
        b.image().writeHoldingRegisters(b.point().address(), b.point().encode(v));
        return true;
    }

    private Binding binding(TagPath path) {
        Binding b = bindings.get(path);
        if (b == null) {
            throw new IllegalArgumentException("no point " + path + " in the virtual line");
        }
        return b;
    }
}
