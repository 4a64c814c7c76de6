package io.isthmus.connect.config;

import io.isthmus.model.TagPath;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One polled tag.
 *
 * @param path its ISA-95 name
 * @param source id of the {@link SourceConfig} it is read from
 * @param address where it lives in the device
 * @param scaling raw to engineering value; may also be given in the address, but not in both
 * @param unit engineering unit, e.g. {@code degC}; empty when dimensionless
 * @param deadband report-by-exception; {@link Deadband#NONE} reports every poll
 * @param pollRate the tag's own poll period; empty for the source's default
 */
public record TagConfig(
        TagPath path,
        String source,
        ModbusAddress address,
        Scaling scaling,
        String unit,
        Deadband deadband,
        Optional<Duration> pollRate) {

    public TagConfig {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(deadband, "deadband");
        Objects.requireNonNull(pollRate, "pollRate");
        unit = unit == null ? "" : unit;
        if (address instanceof ModbusAddress.RegisterPoint r && !r.scaling().isIdentity()) {
            if (!scaling.isIdentity()) {
                throw new IllegalArgumentException(path + ": scaling is given both in the address and in the tag");
            }
            scaling = r.scaling();
        }
        if (address instanceof ModbusAddress.BitPoint && !scaling.isIdentity()) {
            throw new IllegalArgumentException(path + ": a bit (" + address + ") cannot be scaled");
        }
        pollRate.ifPresent(r -> {
            if (r.toMillis() < 1 || r.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException(path + ": pollRate must be 1ms..1d, was " + r);
            }
        });
    }

    public static TagConfig of(TagPath path, String source, ModbusAddress address) {
        return new TagConfig(path, source, address, Scaling.IDENTITY, "", Deadband.NONE, Optional.empty());
    }

    /** The poll period: the tag's own or the source's. */
    public Duration pollRate(SourceConfig source) {
        return pollRate.orElse(source.pollRate());
    }
}
