package io.isthmus.connect.sparkplug;

/** Ask edge node {@code edgeNode} of {@code group} to publish its births again (an NCMD). */
public record RebirthRequest(String group, String edgeNode) {
    public String topic() {
        return SparkplugTopic.nodeCommand(group, edgeNode);
    }
}
