package io.isthmus.observe.inventory;

import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.observe.flow.FlowLimits;
import io.isthmus.observe.session.CaptureAnalysis;
import io.isthmus.observe.session.DissectorRegistry;
import io.isthmus.observe.session.SessionLimits;
import io.isthmus.wire.capture.CaptureLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Runs a capture from isthmus-wire's test resources through the passive path into an inventory. */
final class Captures {
    static final Path DIR = Path.of("..", "isthmus-wire", "src", "test", "resources", "captures");
    private static OuiRegistry oui;

    private Captures() {}

    static synchronized OuiRegistry oui() {
        if (oui == null) {
            try {
                oui = OuiRegistry.bundled();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return oui;
    }

    static InventorySnapshot inventory(String capture) throws IOException {
        return inventory(capture, InventoryOverrides.NONE);
    }

    static InventorySnapshot inventory(String capture, InventoryOverrides overrides) throws IOException {
        Inventory inventory = new Inventory(InventoryLimits.DEFAULT, oui(), overrides);
        try (CaptureSource source = CaptureSource.open(DIR.resolve(capture), CaptureLimits.DEFAULT)) {
            CaptureAnalysis.run(
                    source,
                    DissectorRegistry.defaults(),
                    SessionLimits.DEFAULT,
                    FlowLimits.DEFAULT,
                    inventory::observe,
                    io.isthmus.observe.session.CaptureTap.NONE,
                    inventory::flow);
        }
        return inventory.snapshot();
    }
}
