/**
 * The inline Modbus/TCP firewall: a proxy in front of a PLC that parses every request with the
 * passive path's Modbus codec, decides it with the same zones-and-conduits {@link
 * io.isthmus.policy.Policy} the sensor checks traffic against, adds per-client write rate limits,
 * and forwards, answers with a Modbus exception, or drops. It fails closed: a frame it cannot parse,
 * a decision it cannot make, or an upstream it cannot reach never results in a forwarded request.
 */
package io.isthmus.access.firewall;
