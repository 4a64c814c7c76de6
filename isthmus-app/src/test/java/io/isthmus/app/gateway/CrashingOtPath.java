package io.isthmus.app.gateway;

import io.isthmus.access.gateway.OtPath;
import io.isthmus.access.gateway.RecipeRun;
import io.isthmus.access.gateway.WriteItem;
import io.isthmus.model.AccessKind;
import io.isthmus.model.TagPath;
import io.isthmus.policy.AccessResource;
import io.isthmus.policy.Operation;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The real path to OT in a process that dies at a chosen point: before the wire operation is made
 * (a single change's {@link #operation} or a recipe's {@link #plan}, i.e. after the approval and
 * before the durable executing record), or right after the device confirmed a change or a recipe's
 * first run. The "death" is a {@link PowerCut}; the test then abandons the gateway and opens a new
 * one on the same audit log.
 */
final class CrashingOtPath implements OtPath {
    /** The process dies here: nothing after this point of the gateway's work is done. */
    static final class PowerCut extends RuntimeException {
        PowerCut() {
            super("power cut");
        }
    }

    enum Mode {
        /** Works as the real path (a recipe is planned when it is requested, too). */
        NONE,
        /** Dies before the wire operation is made: the device is never touched. */
        BEFORE_WIRE,
        /** Dies right after the device confirmed (a change, or a recipe's first run). */
        AFTER_DEVICE
    }

    private final OtPath real;
    volatile Mode mode;

    CrashingOtPath(OtPath real, Mode mode) {
        this.real = real;
        this.mode = mode;
    }

    @Override
    public Optional<AccessResource> resource(TagPath tag) {
        return real.resource(tag);
    }

    @Override
    public AccessKind changeKind(TagPath tag) {
        return real.changeKind(tag);
    }

    @Override
    public Operation operation(WriteItem item) {
        if (mode == Mode.BEFORE_WIRE) {
            throw new PowerCut();
        }
        return real.operation(item);
    }

    @Override
    public void execute(WriteItem item) throws IOException {
        real.execute(item);
        if (mode == Mode.AFTER_DEVICE) {
            throw new PowerCut();
        }
    }

    @Override
    public List<RecipeRun> plan(List<WriteItem> items) {
        if (mode == Mode.BEFORE_WIRE) {
            throw new PowerCut();
        }
        return real.plan(items);
    }

    @Override
    public void execute(RecipeRun run) throws IOException {
        real.execute(run);
        if (mode == Mode.AFTER_DEVICE) {
            throw new PowerCut();
        }
    }
}
