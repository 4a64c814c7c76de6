package io.isthmus.sim.scenario;

import io.isthmus.sim.process.BottlingLine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Plays a scenario against the line: each tick it fires the steps that have come due. Physical
 * steps act on the model at once, inside the tick; network steps run on their own virtual
 * threads so a slow or refused connection never stalls the process model.
 */
public final class ScenarioRunner implements AutoCloseable {
    private final Scenario scenario;
    private final BottlingLine line;
    private final NetworkActor network;
    private final Consumer<StepOutcome> log;
    private final ExecutorService networkThreads = Executors.newVirtualThreadPerTaskExecutor();
    private int next;

    public ScenarioRunner(Scenario scenario, BottlingLine line, NetworkActor network, Consumer<StepOutcome> log) {
        this.scenario = scenario;
        this.line = line;
        this.network = network;
        this.log = log;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Fires every step due at or before {@code elapsed}; call once per tick. */
    public void advance(Duration elapsed) {
        List<ScenarioStep> steps = scenario.steps();
        while (next < steps.size() && steps.get(next).at().compareTo(elapsed) <= 0) {
            fire(steps.get(next++));
        }
    }

    /** True once every step has been started. */
    public boolean finished() {
        return next >= scenario.steps().size();
    }

    private void fire(ScenarioStep step) {
        switch (step.action()) {
            case ScenarioAction.Fault f -> {
                line.injectFault(f.machine(), f.code(), f.repairTime());
                log.accept(new StepOutcome(
                        step.at(), f, true, "fault code " + f.code().code()));
            }
            case ScenarioAction.DegradeBearing d -> {
                line.degradeBearing(d.machine(), d.untilFailure());
                log.accept(new StepOutcome(step.at(), d, true, "wear accelerated"));
            }
            case ScenarioAction.WriteCoil a -> sendLater(step);
            case ScenarioAction.WriteRegister a -> sendLater(step);
            case ScenarioAction.RestartCommunications a -> sendLater(step);
            case ScenarioAction.ReconScan a -> sendLater(step);
        }
    }

    private void sendLater(ScenarioStep step) {
        networkThreads.submit(() -> {
            try {
                log.accept(new StepOutcome(step.at(), step.action(), true, network.perform(step.action())));
            } catch (Exception e) {
                log.accept(new StepOutcome(step.at(), step.action(), false, String.valueOf(e.getMessage())));
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        networkThreads.shutdownNow();
        networkThreads.awaitTermination(5, TimeUnit.SECONDS);
    }
}
