package io.isthmus.sim.scenario;

/**
 * Carries out a scenario's network actions as real traffic. Implementations block until the
 * exchange is over and describe what came back (a response, an exception code, a timeout).
 */
public interface NetworkActor {
    String perform(ScenarioAction action) throws Exception;
}
