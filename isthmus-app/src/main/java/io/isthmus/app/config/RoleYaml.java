package io.isthmus.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.isthmus.model.AccessKind;
import io.isthmus.model.IpNetwork;
import io.isthmus.policy.Permission;
import io.isthmus.policy.ResourcePattern;
import io.isthmus.policy.Role;
import io.isthmus.policy.SubjectAttributes;
import io.isthmus.policy.SubjectCondition;
import io.isthmus.policy.TimeWindow;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One role of a policy file's {@code access:} section (docs/access.md). */
final class RoleYaml {
    final Role role;

    @JsonCreator
    RoleYaml(
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "permissions", required = true) List<PermissionYaml> permissions,
            @JsonProperty("description") String description) {
        this.role = new Role(name, permissions.stream().map(p -> p.permission).toList());
    }

    static final class PermissionYaml {
        final Permission permission;

        @JsonCreator
        PermissionYaml(
                @JsonProperty("zone") String zone,
                @JsonProperty("asset") String asset,
                @JsonProperty("tags") String tags,
                @JsonProperty(value = "actions", required = true) List<String> actions,
                @JsonProperty("time") TimeYaml time,
                @JsonProperty("sources") List<String> sources,
                @JsonProperty("approval") Boolean approval,
                @JsonProperty("subject") Map<String, String> subject) {
            Set<AccessKind> kinds = EnumSet.noneOf(AccessKind.class);
            boolean approve = false;
            for (String a : actions) {
                if (a.equals("approve")) {
                    approve = true;
                } else {
                    AccessKind k = AccessKind.fromId(a);
                    if (k != AccessKind.READ
                            && k != AccessKind.WRITE
                            && k != AccessKind.CONTROL
                            && k != AccessKind.PROGRAM) {
                        throw new IllegalArgumentException(
                                "action '" + a + "' is not one of read, write, control, program, approve");
                    }
                    kinds.add(k);
                }
            }
            this.permission = new Permission(
                    new ResourcePattern(
                            Optional.ofNullable(zone), Optional.ofNullable(asset), Optional.ofNullable(tags)),
                    kinds,
                    approve,
                    Optional.ofNullable(time).map(t -> t.window),
                    sources == null
                            ? List.of()
                            : sources.stream().map(IpNetwork::parse).toList(),
                    approval != null && approval,
                    conditions(subject));
        }

        /** {@code subject: {company: acme, site: $site}}: each entry one condition, in file order. */
        private static List<SubjectCondition> conditions(Map<String, String> subject) {
            if (subject == null) {
                return List.of();
            }
            if (subject.size() > SubjectAttributes.MAX_ATTRIBUTES) {
                throw new IllegalArgumentException(
                        "subject: at most " + SubjectAttributes.MAX_ATTRIBUTES + " conditions, not " + subject.size());
            }
            List<SubjectCondition> out = new ArrayList<>();
            subject.forEach((k, v) -> out.add(SubjectCondition.parse(k, v)));
            return out;
        }
    }

    static final class TimeYaml {
        final TimeWindow window;

        @JsonCreator
        TimeYaml(
                @JsonProperty("days") List<String> days,
                @JsonProperty(value = "from", required = true) String from,
                @JsonProperty(value = "to", required = true) String to,
                @JsonProperty("zone") String zone) {
            Set<DayOfWeek> d = EnumSet.noneOf(DayOfWeek.class);
            if (days != null) {
                days.forEach(day -> d.add(day(day)));
            }
            try {
                this.window = new TimeWindow(
                        d,
                        LocalTime.parse(from),
                        LocalTime.parse(to),
                        zone == null ? ZoneId.of("UTC") : ZoneId.of(zone));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("time window from '" + from + "' to '" + to + "': times are HH:MM");
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException(
                        "time zone '" + zone + "' is not a zone id such as UTC or Europe/Berlin");
            }
        }

        private static DayOfWeek day(String text) {
            String t = text.toUpperCase(Locale.ROOT);
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().startsWith(t) && t.length() >= 3) {
                    return d;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not a day (mon, tue, ..., sun)");
        }
    }
}
