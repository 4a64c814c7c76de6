package io.isthmus.connect.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Quality;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** StatusCode (Part 4, 7.39) to sample quality. */
class StatusQualityTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Good, GOOD",
        "Good_Overload, GOOD",
        "Uncertain, STALE",
        "Uncertain_LastUsableValue, STALE",
        "Uncertain_SensorNotAccurate, STALE",
        "Bad_NoCommunication, BAD_COMM",
        "Bad_WaitingForInitialData, BAD_COMM",
        "Bad_Timeout, BAD_COMM",
        "Bad_ConnectionClosed, BAD_COMM",
        "Bad_ServerNotConnected, BAD_COMM",
        "Bad_SessionClosed, BAD_COMM",
        "Bad_Shutdown, BAD_COMM",
        "Bad_DeviceFailure, BAD_DEVICE",
        "Bad_SensorFailure, BAD_DEVICE",
        "Bad_OutOfService, BAD_DEVICE",
        "Bad_NodeIdUnknown, BAD_DEVICE",
        "Bad_UserAccessDenied, BAD_DEVICE",
        "Bad_ConfigurationError, BAD_DEVICE",
        "Bad_InternalError, BAD_DEVICE",
    })
    void status_codes_map_to_the_quality_a_collector_can_act_on(String name, Quality expected) throws Exception {
        long code = StatusCodes.class.getField(name).getLong(null);

        assertThat(StatusQuality.of(new StatusCode(code))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "0x{0}")
    @CsvSource({"80310400, BAD_COMM", "808B0001, BAD_DEVICE", "40900400, STALE", "00000400, GOOD"})
    void info_bits_in_the_low_word_do_not_change_the_mapping(String hex, Quality expected) {
        assertThat(StatusQuality.of(new StatusCode(Long.parseLong(hex, 16)))).isEqualTo(expected);
    }
}
