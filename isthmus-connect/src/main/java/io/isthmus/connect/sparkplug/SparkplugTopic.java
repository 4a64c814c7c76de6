package io.isthmus.connect.sparkplug;

import java.util.Optional;

/**
 * A parsed edge node or device topic: {@code spBv1.0/<group>/<type>/<edge node>[/<device>]}
 * (Sparkplug B 3.0, 4.1.1). STATE topics are not edge topics and parse to empty.
 */
public record SparkplugTopic(String group, MessageType type, String edgeNode, Optional<String> device) {
    public static final String NAMESPACE = "spBv1.0";

    /** The topic, or empty when it is not a well-formed edge node or device topic. */
    public static Optional<SparkplugTopic> parse(String topic, int maxNameLength) {
        String[] l = topic.split("/", -1);
        if (l.length < 4 || l.length > 5 || !l[0].equals(NAMESPACE)) {
            return Optional.empty();
        }
        Optional<MessageType> type = MessageType.fromToken(l[2]);
        if (type.isEmpty() || type.get().isDeviceLevel() != (l.length == 5)) {
            return Optional.empty();
        }
        for (int i = 1; i < l.length; i++) {
            if (l[i].isEmpty() || l[i].length() > maxNameLength || l[i].contains("+") || l[i].contains("#")) {
                return Optional.empty();
            }
        }
        return Optional.of(
                new SparkplugTopic(l[1], type.get(), l[3], l.length == 5 ? Optional.of(l[4]) : Optional.empty()));
    }

    /** The topic the node command {@code type} for this topic's edge node goes to. */
    public static String nodeCommand(String group, String edgeNode) {
        return NAMESPACE + "/" + group + "/" + MessageType.NCMD + "/" + edgeNode;
    }
}
