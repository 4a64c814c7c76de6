package io.isthmus.policy.pdp;

import com.googlecode.aviator.runtime.function.FunctionUtils;
import com.googlecode.aviator.runtime.type.AviatorBoolean;
import com.googlecode.aviator.runtime.type.AviatorObject;
import io.isthmus.model.TagPath;
import io.isthmus.policy.AccessDecision.Outcome;
import io.isthmus.policy.Operation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.casbin.jcasbin.persist.file_adapter.FileAdapter;
import org.casbin.jcasbin.util.function.CustomFunction;

/**
 * jCasbin with the model and policy files beside this class's resources. The matcher needs three
 * functions of our own (list membership, address ranges, tag prefix, time window): Casbin's
 * built-ins compare strings, match keys, globs and IP networks, nothing numeric.
 */
final class CasbinPdp implements Pdp {
    private final Enforcer zones;
    private final Enforcer access;
    private final Object[][] operations;
    private final Object[][] queriesPlain;
    private final Object[][] queriesApproved;

    CasbinPdp(List<Operation> ops, List<AccessQuery> queries) {
        zones = enforcer("zones-model.conf", "zones-policy.csv");
        access = enforcer("access-model.conf", "access-policy.csv");
        operations = ops.stream()
                .map(o -> new Object[] {
                    o.client().getHostAddress(),
                    o.server().getHostAddress(),
                    o.protocol().id(),
                    o.access().id(),
                    Integer.toString(o.function()),
                    Integer.toString(o.unit()),
                    Long.toString(o.address()),
                    Long.toString(o.quantity())
                })
                .toArray(Object[][]::new);
        queriesPlain = queries.stream().map(q -> args(q, "no")).toArray(Object[][]::new);
        queriesApproved = queries.stream().map(q -> args(q, "yes")).toArray(Object[][]::new);
    }

    private static Object[] args(AccessQuery q, String approved) {
        ZonedDateTime local = q.time().atZone(ZoneOffset.UTC);
        return new Object[] {
            q.user(),
            q.resource().zone().orElse("-"),
            q.resource().asset(),
            q.resource().tag().toString(),
            q.action().id(),
            q.source().getHostAddress(),
            local.getDayOfWeek().name().substring(0, 3).toLowerCase(Locale.ROOT),
            Integer.toString(local.getHour() * 60 + local.getMinute()),
            approved
        };
    }

    private static Enforcer enforcer(String model, String policy) {
        Model m = new Model();
        m.loadModelFromText(FactoryPolicies.resource(model));
        FileAdapter adapter = new FileAdapter(
                new ByteArrayInputStream(FactoryPolicies.resource(policy).getBytes(StandardCharsets.UTF_8)));
        Enforcer e = new Enforcer(m, adapter, false);
        e.addFunction("listHas", new ListHas());
        e.addFunction("rangesCover", new RangesCover());
        e.addFunction("tagUnder", new TagUnder());
        e.addFunction("inWindow", new InWindow());
        return e;
    }

    @Override
    public String name() {
        return "jcasbin";
    }

    @Override
    public boolean zoneAllows(int i) {
        return zones.enforce(operations[i]);
    }

    @Override
    public Outcome access(int i) {
        if (access.enforce(queriesPlain[i])) {
            return Outcome.ALLOW;
        }
        return access.enforce(queriesApproved[i]) ? Outcome.NEEDS_APPROVAL : Outcome.DENY;
    }

    private static String text(AviatorObject o, Map<String, Object> env) {
        return FunctionUtils.getStringValue(o, env);
    }

    /** {@code listHas("1 2 3", "2")}: whether a space-separated list holds the value. */
    static final class ListHas extends CustomFunction {
        @Override
        public AviatorObject call(Map<String, Object> env, AviatorObject list, AviatorObject value) {
            String v = text(value, env);
            for (String item : text(list, env).split(" ")) {
                if (item.equals(v)) {
                    return AviatorBoolean.TRUE;
                }
            }
            return AviatorBoolean.FALSE;
        }

        @Override
        public String getName() {
            return "listHas";
        }
    }

    /** {@code rangesCover("0..99 200..299", address, quantity)}. */
    static final class RangesCover extends CustomFunction {
        @Override
        public AviatorObject call(
                Map<String, Object> env, AviatorObject ranges, AviatorObject address, AviatorObject quantity) {
            long first = Long.parseLong(text(address, env));
            long last = first + Math.max(1, Long.parseLong(text(quantity, env))) - 1;
            for (String r : text(ranges, env).split(" ")) {
                int dots = r.indexOf("..");
                long lo = Long.parseLong(r.substring(0, dots));
                long hi = Long.parseLong(r.substring(dots + 2));
                if (first >= lo && last <= hi) {
                    return AviatorBoolean.TRUE;
                }
            }
            return AviatorBoolean.FALSE;
        }

        @Override
        public String getName() {
            return "rangesCover";
        }
    }

    /** {@code tagUnder(tag, prefix)}: whole ISA-95 segments, as {@link TagPath#isUnder}. */
    static final class TagUnder extends CustomFunction {
        @Override
        public AviatorObject call(Map<String, Object> env, AviatorObject tag, AviatorObject prefix) {
            String t = text(tag, env);
            String p = text(prefix, env);
            return AviatorBoolean.valueOf(t.equals(p) || t.startsWith(p + "/"));
        }

        @Override
        public String getName() {
            return "tagUnder";
        }
    }

    /** {@code inWindow("mon tue", "06:00-22:00", day, minute)}; windows do not run over midnight here. */
    static final class InWindow extends CustomFunction {
        @Override
        public AviatorObject call(
                Map<String, Object> env,
                AviatorObject days,
                AviatorObject window,
                AviatorObject day,
                AviatorObject minute) {
            String w = text(window, env);
            int from = minutes(w.substring(0, 5));
            int to = minutes(w.substring(6, 11));
            int m = Integer.parseInt(text(minute, env));
            boolean dayOk = (" " + text(days, env) + " ").contains(" " + text(day, env) + " ");
            return AviatorBoolean.valueOf(dayOk && m >= from && m < to);
        }

        private static int minutes(String hhmm) {
            return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
        }

        @Override
        public String getName() {
            return "inWindow";
        }
    }
}
