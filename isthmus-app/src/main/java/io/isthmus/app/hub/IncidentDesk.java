package io.isthmus.app.hub;

import io.isthmus.app.console.LatestValues;
import io.isthmus.app.console.TagJson;
import io.isthmus.insight.incident.Incident;
import io.isthmus.insight.incident.Incidents;
import io.isthmus.insight.incident.Occurrence;
import io.isthmus.insight.incident.Runbook;
import io.isthmus.insight.incident.Runbooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The hub's incident desk: persists every event of the {@link EventLog} ({@link EventJournal}),
 * raises machine faults from live values ({@link FaultWatcher}), feeds every event to the
 * correlation ({@link Incidents}) whose changes it journals ({@link IncidentJournal}), and knows
 * the runbooks. On start it restores the events and replays the incidents from the data directory.
 */
final class IncidentDesk implements AutoCloseable {
    private final EventJournal eventJournal;
    private final IncidentJournal incidentJournal;
    private final Incidents incidents;
    private final Runbooks runbooks;
    private final LongAdder persistFailures = new LongAdder();
    private final int unreadable;
    private AutoCloseable faultSubscription = () -> {};

    private IncidentDesk(Path dir, IncidentSettings settings, EventLog events) throws IOException {
        Runbooks books = Runbooks.bundled();
        if (settings.runbooks().isPresent()) {
            books = books.with(RunbookFiles.load(settings.runbooks().get()));
        }
        this.runbooks = books;
        this.eventJournal = new EventJournal(dir);
        events.restore(eventJournal.load(EventLog.CAPACITY));
        this.incidentJournal = new IncidentJournal(dir);
        this.incidents = new Incidents(settings.config(), incidentJournal::append);
        this.unreadable = eventJournal.unreadable() + incidentJournal.replay(incidents::apply);
        events.addListener(this::received);
    }

    /** Opens the desk on the hub's data directory and starts watching {@code latest} for faults. */
    static IncidentDesk open(
            Path dir, IncidentSettings settings, EventLog events, LatestValues latest, List<TagJson> catalog)
            throws IOException {
        IncidentDesk desk = new IncidentDesk(dir, settings, events);
        FaultWatcher faults = new FaultWatcher(
                new MachineAssets(catalog),
                latest.all(),
                desk.eventJournal.lastSequence(FaultWatcher.ORIGIN),
                events::add);
        desk.faultSubscription = latest.subscribe(faults);
        return desk;
    }

    private void received(EventLog.Received r) {
        try {
            eventJournal.append(r);
        } catch (RuntimeException e) {
            persistFailures.increment(); // the event still reaches the log and the incidents
        }
        try {
            incidents.observe(new Occurrence(r.edge(), r.sequence(), r.event()));
        } catch (RuntimeException e) {
            persistFailures.increment(); // the incident journal could not be written
        }
    }

    Incidents incidents() {
        return incidents;
    }

    Runbooks runbooks() {
        return runbooks;
    }

    Optional<Runbook> runbookOf(Incident i) {
        return runbooks.choose(i);
    }

    /** Journal writes that failed (disk full, permissions) since start. */
    long persistFailures() {
        return persistFailures.sum();
    }

    /** Journal lines skipped on start because they could not be read (a torn last line). */
    int unreadableLines() {
        return unreadable;
    }

    @Override
    public void close() {
        try {
            faultSubscription.close();
        } catch (Exception e) {
            // removing a listener from a list does not fail
        }
        eventJournal.close();
        incidentJournal.close();
    }
}
