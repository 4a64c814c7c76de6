/**
 * Incidents that join IT and OT: one timeline of events (network alerts, machine faults, access
 * decisions) in, incidents out. {@link io.isthmus.insight.incident.Incidents} correlates events by
 * the rules of an {@link io.isthmus.insight.incident.IncidentConfig} (same asset, or same conduit
 * zone pair, within a window), keeps each incident's lifecycle (open, acknowledged, resolved;
 * assignee; notes) and reports every change as an {@link
 * io.isthmus.insight.incident.IncidentChange}, which the caller journals and replays on start.
 * {@link io.isthmus.insight.incident.Runbooks} picks the runbook an incident shows. Pure: no files,
 * clocks or threads; time comes in with the events and commands.
 */
package io.isthmus.insight.incident;
