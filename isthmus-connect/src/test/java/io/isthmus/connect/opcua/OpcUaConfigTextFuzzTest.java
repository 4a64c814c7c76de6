package io.isthmus.connect.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;

/**
 * The configuration strings an operator (or a browse snippet edited by hand) hands the OPC UA
 * driver — endpoint URL, security, NodeId — over arbitrary text: each parses or fails with an
 * {@link IllegalArgumentException} carrying a message, never another exception, and what parses
 * survives its own printed form. Regression mode runs the inputs in {@code
 * OpcUaConfigTextFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class OpcUaConfigTextFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void any_text_parses_or_is_refused_with_a_message(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            OpcUaEndpointUrl url = OpcUaEndpointUrl.parse(text);
            assertThat(OpcUaEndpointUrl.parse(url.toString())).isEqualTo(url);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        try {
            OpcUaSecurity security = OpcUaSecurity.parse(text);
            assertThat(OpcUaSecurity.parse(security.toString())).isEqualTo(security);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        try {
            ExpandedNodeId id = OpcUaTagConfig.parseNodeId(text);
            assertThat(id.isNull()).isFalse();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).contains("node id");
        }
    }
}
