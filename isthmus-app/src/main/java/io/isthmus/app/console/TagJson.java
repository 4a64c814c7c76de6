package io.isthmus.app.console;

/** A tag's description for the API: its ISA-95 path, type, unit, whether it is writable, and its source. */
public record TagJson(String path, String type, String unit, boolean writable, String description, String source) {}
