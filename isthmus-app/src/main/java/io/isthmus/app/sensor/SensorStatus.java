package io.isthmus.app.sensor;

import io.isthmus.observe.detect.DetectionStats;

/**
 * What {@code GET /api/sensor} reports.
 *
 * @param state {@code starting}, {@code running}, {@code ended} (the input ended), {@code failed}
 * @param learningUntil capture time the learning window closes (ISO-8601), null without one or
 *     before the first packet
 * @param dropped packets the input dropped before the sensor (the mirror port's queue), null when the
 *     input cannot tell (a pcap stream from tcpdump reports its drops on its own standard error)
 * @param flows flows that have left the flow table (ended, idle or evicted)
 * @param problem why the sensor failed or what damage ended the capture; null otherwise
 * @param detection detection's counters, among them what it dropped at its limits (evicted alerts
 *     and scan trackers, baseline entries and polling cycles that did not fit); null without a
 *     sensor
 */
public record SensorStatus(
        String input,
        String state,
        long packets,
        long bytes,
        long flows,
        long alerts,
        long events,
        boolean learning,
        String learningUntil,
        Long dropped,
        int assets,
        String lastPacket,
        String problem,
        DetectionStats detection) {}
