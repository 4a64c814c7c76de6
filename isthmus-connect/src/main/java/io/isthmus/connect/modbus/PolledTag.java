package io.isthmus.connect.modbus;

import io.isthmus.connect.config.TagConfig;

/**
 * A configured tag as the planner places it in a read; its reporting state lives in the {@link
 * BlockReporter} of its block.
 */
public record PolledTag(TagConfig config) {}
