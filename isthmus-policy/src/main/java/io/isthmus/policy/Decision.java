package io.isthmus.policy;

import io.isthmus.model.Zone;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link Policy#decide}: allow or deny, the rule that decided (a conduit name, a zone
 * name, {@code idmz} or {@code default-deny}), a stable reason code and one sentence for people.
 *
 * @param clientZone the zone of the requesting side, empty when its address is in none
 * @param serverZone the zone of the answering side, empty when its address is in none
 */
public record Decision(
        Verdict verdict,
        Reason reason,
        String rule,
        String explanation,
        Optional<Zone> clientZone,
        Optional<Zone> serverZone) {

    public enum Verdict {
        ALLOW,
        DENY
    }

    /** Why: the first two allow, the rest deny. */
    public enum Reason {
        /** Both ends are in the same zone; conduits govern traffic between zones only. */
        INTRA_ZONE(Verdict.ALLOW),
        /** A conduit carries exactly this operation. */
        CONDUIT(Verdict.ALLOW),
        /** An address belongs to no zone: unknown hosts get nothing (default deny). */
        UNZONED_ADDRESS(Verdict.DENY),
        /** An enterprise level (4, 5) and a control level (0 to 2) talk directly. */
        IDMZ(Verdict.DENY),
        /** No conduit joins the two zones. */
        NO_CONDUIT(Verdict.DENY),
        /** Conduits join the zones, but none lets this side open the connection. */
        WRONG_INITIATOR(Verdict.DENY),
        PROTOCOL_NOT_ALLOWED(Verdict.DENY),
        ACCESS_NOT_ALLOWED(Verdict.DENY),
        FUNCTION_NOT_ALLOWED(Verdict.DENY),
        UNIT_NOT_ALLOWED(Verdict.DENY),
        ADDRESS_NOT_ALLOWED(Verdict.DENY);

        private final Verdict verdict;

        Reason(Verdict verdict) {
            this.verdict = verdict;
        }

        public Verdict verdict() {
            return verdict;
        }

        /** Lower-case with dashes, for JSON and alert titles: {@code function-not-allowed}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public Decision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(clientZone, "clientZone");
        Objects.requireNonNull(serverZone, "serverZone");
        if (reason.verdict() != verdict) {
            throw new IllegalArgumentException("reason " + reason + " " + reason.verdict() + "s, not " + verdict);
        }
    }

    public boolean allowed() {
        return verdict == Verdict.ALLOW;
    }

    /** {@code enterprise -> cell}, with {@code ?} for an address in no zone. */
    public String zonePath() {
        return clientZone.map(Zone::name).orElse("?") + " -> "
                + serverZone.map(Zone::name).orElse("?");
    }
}
