/**
 * Understanding the plant from its time series: predictive maintenance ({@code rul} for
 * remaining-useful-life models validated on NASA C-MAPSS, {@code health} for streaming motor
 * health scores; {@code incident} for incidents that join network alerts, machine faults and
 * access decisions, with their runbooks). Nothing here opens sockets or knows a protocol; it consumes model records.
 */
package io.isthmus.insight;
