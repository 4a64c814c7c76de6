package io.isthmus.connect.modbus;

/**
 * Counters of one source since it started.
 *
 * @param requests reads sent
 * @param responses normal responses
 * @param exceptionResponses Modbus exception responses (tags of that block BAD_DEVICE)
 * @param commErrors connection failures of every {@link ModbusCommException.Kind}
 * @param connects connections opened
 * @param tagValues tag values decoded
 */
public record SourceStats(
        long requests, long responses, long exceptionResponses, long commErrors, long connects, long tagValues) {}
