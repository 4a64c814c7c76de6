/**
 * Detection over observations: policy violations, known-dangerous commands, reconnaissance and
 * deviations from a learned baseline, each raised as a model {@link io.isthmus.model.Event} with
 * ATT&CK for ICS techniques, the assets, the zone path and the observations that prove it,
 * deduplicated with counts. Pure: no files, sockets, threads or JSON; the app reads and writes
 * baselines and alerts. Every table is bounded by {@link io.isthmus.observe.detect.DetectionLimits}
 * and evictions are counted.
 */
package io.isthmus.observe.detect;
