package io.isthmus.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.isthmus.insight.energy.EmissionFactors;
import io.isthmus.insight.oee.FaultInfo;
import io.isthmus.insight.oee.MachineSpec;
import io.isthmus.insight.shift.PlannedBreak;
import io.isthmus.insight.shift.Shift;
import io.isthmus.insight.shift.ShiftCalendar;
import io.isthmus.model.TagPath;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The sections of {@code insight.yaml}; each builds its typed record in its constructor, so errors carry the line. */
final class InsightYaml {
    private InsightYaml() {}

    static LocalTime time(String what, String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(what + " must be a local time like \"06:00\", was '" + text + "'");
        }
    }

    static final class CalendarYaml {
        final ShiftCalendar calendar;

        @JsonCreator
        CalendarYaml(
                @JsonProperty(value = "zone", required = true) String zone,
                @JsonProperty(value = "shifts", required = true) List<ShiftYaml> shifts,
                @JsonProperty("working-days") List<String> days,
                @JsonProperty("non-working-dates") List<String> dates) {
            ZoneId z;
            try {
                z = ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(
                        "calendar zone '" + zone + "' is not a time zone; write e.g. Europe/Berlin or UTC");
            }
            Set<DayOfWeek> working = EnumSet.noneOf(DayOfWeek.class);
            for (String d : days == null ? List.of("monday", "tuesday", "wednesday", "thursday", "friday") : days) {
                try {
                    working.add(DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("working-days: '" + d + "' is not a weekday (monday..sunday)");
                }
            }
            Set<LocalDate> off = new java.util.HashSet<>();
            for (String d : dates == null ? List.<String>of() : dates) {
                try {
                    off.add(LocalDate.parse(d));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("non-working-dates: '" + d + "' is not a date like 2026-12-25");
                }
            }
            this.calendar =
                    new ShiftCalendar(z, shifts.stream().map(s -> s.shift).toList(), working, off);
        }
    }

    static final class ShiftYaml {
        final Shift shift;

        @JsonCreator
        ShiftYaml(
                @JsonProperty(value = "name", required = true) String name,
                @JsonProperty(value = "start", required = true) String start,
                @JsonProperty(value = "end", required = true) String end,
                @JsonProperty("breaks") List<BreakYaml> breaks) {
            this.shift = new Shift(
                    name,
                    time("shift '" + name + "' start", start),
                    time("shift '" + name + "' end", end),
                    breaks == null
                            ? List.of()
                            : breaks.stream().map(b -> b.value).toList());
        }
    }

    static final class BreakYaml {
        final PlannedBreak value;

        @JsonCreator
        BreakYaml(
                @JsonProperty(value = "name", required = true) String name,
                @JsonProperty(value = "start", required = true) String start,
                @JsonProperty(value = "length", required = true) String length) {
            this.value = new PlannedBreak(name, time("break '" + name + "' start", start), DurationText.parse(length));
        }
    }

    static final class LineYaml {
        final String id;
        final String output;
        final Optional<TagPath> energyMeter;
        final Duration maxHold;
        final double counterMax;
        final List<MachineYaml> machines;
        final io.isthmus.insight.oee.LineSpec spec;

        @JsonCreator
        LineYaml(
                @JsonProperty(value = "id", required = true) String id,
                @JsonProperty(value = "output", required = true) String output,
                @JsonProperty(value = "machines", required = true) List<MachineYaml> machines,
                @JsonProperty("energy-meter") String energyMeter,
                @JsonProperty("max-hold") String maxHold,
                @JsonProperty("counter-max") Double counterMax) {
            this.id = id;
            this.output = output;
            this.machines = List.copyOf(machines);
            this.energyMeter = energyMeter == null ? Optional.empty() : Optional.of(TagPath.parse(energyMeter));
            this.maxHold =
                    maxHold == null ? io.isthmus.insight.oee.OeeConfig.DEFAULT_MAX_HOLD : DurationText.parse(maxHold);
            this.counterMax = counterMax == null ? io.isthmus.insight.oee.OeeConfig.COUNTER_MAX_32 : counterMax;
            this.spec = new io.isthmus.insight.oee.LineSpec(
                    id, output, this.machines.stream().map(m -> m.spec).toList());
        }
    }

    static final class MachineYaml {
        final MachineSpec spec;
        final TagPath energyMeter;

        @JsonCreator
        MachineYaml(
                @JsonProperty(value = "id", required = true) String id,
                @JsonProperty(value = "equipment", required = true) String equipment,
                @JsonProperty("ideal-rate") Double idealRate,
                @JsonProperty("ideal-cycle-time") String idealCycleTime,
                @JsonProperty("energy-meter") String energyMeter) {
            if ((idealRate == null) == (idealCycleTime == null)) {
                throw new IllegalArgumentException(
                        "machine '" + id + "' needs exactly one of ideal-rate (units/min) and ideal-cycle-time");
            }
            this.spec = idealRate != null
                    ? MachineSpec.ofRate(id, equipment, idealRate)
                    : new MachineSpec(id, equipment, DurationText.parse(idealCycleTime));
            this.energyMeter = TagPath.parse(energyMeter != null ? energyMeter : equipment + "/energy");
        }
    }

    static final class EnergyYaml {
        final double counterMax;
        final Duration maxGap;

        @JsonCreator
        EnergyYaml(@JsonProperty("counter-max") Double counterMax, @JsonProperty("max-gap") String maxGap) {
            this.counterMax =
                    counterMax == null ? io.isthmus.insight.energy.EnergyConfig.COUNTER_MAX_32_TENTHS : counterMax;
            this.maxGap = maxGap == null ? Duration.ofMinutes(5) : DurationText.parse(maxGap);
        }
    }

    static final class FactorsYaml {
        final EmissionFactors value;

        @JsonCreator
        FactorsYaml(
                @JsonProperty(value = "year", required = true) int year,
                @JsonProperty(value = "location-kg-per-kwh", required = true) double location,
                @JsonProperty(value = "market-kg-per-kwh", required = true) double market,
                @JsonProperty(value = "source", required = true) String source) {
            this.value = new EmissionFactors(year, location, market, source);
        }
    }

    static final class FaultYaml {
        final FaultInfo value;

        @JsonCreator
        FaultYaml(
                @JsonProperty(value = "code", required = true) int code,
                @JsonProperty(value = "class", required = true) String faultClass,
                @JsonProperty(value = "description", required = true) String description) {
            this.value = new FaultInfo(code, faultClass, description);
        }
    }

    static final class FileYaml {
        final CalendarYaml calendar;
        final LineYaml line;
        final EnergyYaml energy;
        final List<FactorsYaml> factors;
        final List<FaultYaml> faults;

        @JsonCreator
        FileYaml(
                @JsonProperty(value = "calendar", required = true) CalendarYaml calendar,
                @JsonProperty(value = "line", required = true) LineYaml line,
                @JsonProperty("energy") EnergyYaml energy,
                @JsonProperty("emission-factors") List<FactorsYaml> factors,
                @JsonProperty("faults") List<FaultYaml> faults) {
            this.calendar = calendar;
            this.line = line;
            this.energy = energy == null ? new EnergyYaml(null, null) : energy;
            this.factors = factors == null ? List.of() : List.copyOf(factors);
            this.faults = faults == null ? null : List.copyOf(faults);
        }
    }
}
