package io.isthmus.model;

/**
 * The twelve tactics of MITRE ATT&CK for ICS: the adversary's goal behind a technique. In the
 * order of the ICS matrix, with the ATT&CK ids and the short names used in the STIX kill chain
 * ({@code mitre-ics-attack}) and in {@code attack-ics-techniques.tsv}.
 */
public enum Tactic {
    INITIAL_ACCESS("TA0108", "initial-access", "Initial Access"),
    EXECUTION("TA0104", "execution", "Execution"),
    PERSISTENCE("TA0110", "persistence", "Persistence"),
    PRIVILEGE_ESCALATION("TA0111", "privilege-escalation", "Privilege Escalation"),
    EVASION("TA0103", "evasion", "Evasion"),
    DISCOVERY("TA0102", "discovery", "Discovery"),
    LATERAL_MOVEMENT("TA0109", "lateral-movement", "Lateral Movement"),
    COLLECTION("TA0100", "collection", "Collection"),
    COMMAND_AND_CONTROL("TA0101", "command-and-control", "Command and Control"),
    INHIBIT_RESPONSE_FUNCTION("TA0107", "inhibit-response-function", "Inhibit Response Function"),
    IMPAIR_PROCESS_CONTROL("TA0106", "impair-process-control", "Impair Process Control"),
    IMPACT("TA0105", "impact", "Impact");

    private final String id;
    private final String shortName;
    private final String displayName;

    Tactic(String id, String shortName, String displayName) {
        this.id = id;
        this.shortName = shortName;
        this.displayName = displayName;
    }

    /** The ATT&CK id, e.g. {@code TA0106}. */
    public String id() {
        return id;
    }

    /** The STIX kill-chain phase name, e.g. {@code impair-process-control}. */
    public String shortName() {
        return shortName;
    }

    /** The name as shown in the ATT&CK matrix, e.g. {@code Impair Process Control}. */
    public String displayName() {
        return displayName;
    }

    /** The tactic with this ATT&CK id ({@code TA0106}) or short name ({@code impair-process-control}). */
    public static Tactic fromId(String idOrShortName) {
        for (Tactic t : values()) {
            if (t.id.equals(idOrShortName) || t.shortName.equals(idOrShortName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("'" + idOrShortName
                + "' is not an ATT&CK for ICS tactic; expected an id TA0100..TA0111 or a short name such as"
                + " impair-process-control");
    }
}
