package io.isthmus.connect.modbus;

import io.isthmus.connect.config.TagConfig;
import io.isthmus.connect.poll.TagReporter;

/** A configured tag with its reporting state, as the poller holds it. */
public record PolledTag(TagConfig config, TagReporter reporter) {}
