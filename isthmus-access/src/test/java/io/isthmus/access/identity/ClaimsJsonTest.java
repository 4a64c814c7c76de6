package io.isthmus.access.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimsJsonTest {
    @Test
    void aFlatObjectOfStringsIntegersBooleansAndStringArrays() throws Exception {
        Map<String, Object> m =
                ClaimsJson.parse(" {\"sub\":\"mes\",\"exp\":1700000000,\"x\":true,\"aud\":[\"a\",\"b\\u0041\"]} ");
        assertThat(m)
                .containsEntry("sub", "mes")
                .containsEntry("exp", 1_700_000_000L)
                .containsEntry("x", true);
        assertThat(m.get("aud")).isEqualTo(List.of("a", "bA"));
    }

    @Test
    void quotedStringsCannotEndEarly() throws Exception {
        String evil = "a\",\"sub\":\"admin\\\u0001";
        assertThat(ClaimsJson.parse("{\"k\":" + ClaimsJson.quote(evil) + "}"))
                .containsEntry("k", evil)
                .hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "{",
                "{\"a\":1,\"a\":2}",
                "{\"a\":{\"b\":1}}",
                "{\"a\":[1]}",
                "{\"a\":1.5}",
                "{\"a\":1e3}",
                "{\"a\":99999999999999999999}",
                "{\"a\":null}",
                "{\"a\":\"x\u0001\"}",
                "{\"a\":\"\\q\"}",
                "{\"a\":\"\\u12\"}",
                "{\"a\":1}x",
                "{a:1}",
                "{\"a\" 1}",
                "{\"a\":1,}",
                "{\"a\":-}"
            })
    void malformedOrUnsupportedJsonIsRefused(String text) {
        assertThatThrownBy(() -> ClaimsJson.parse(text)).isInstanceOf(ClaimsJson.MalformedJson.class);
    }

    @Test
    void tooManyMembersAreRefused() {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i <= ClaimsJson.MAX_MEMBERS; i++) {
            b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
        }
        assertThatThrownBy(() -> ClaimsJson.parse(b + "}")).hasMessageContaining("members");
    }

    @FuzzTest(maxDuration = "20s")
    void anyTextParsesOrIsRefusedWithoutOtherExceptions(FuzzedDataProvider data) {
        try {
            Map<String, Object> m = ClaimsJson.parse(data.consumeRemainingAsString());
            assertThat(m.size()).isLessThanOrEqualTo(ClaimsJson.MAX_MEMBERS);
        } catch (ClaimsJson.MalformedJson expected) {
            // refused with a reason: what hostile input must get
        }
    }
}
