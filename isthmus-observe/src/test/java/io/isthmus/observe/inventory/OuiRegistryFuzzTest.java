package io.isthmus.observe.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.model.MacAddress;
import java.io.ByteArrayInputStream;
import java.io.IOException;

class OuiRegistryFuzzTest {

    /** Any bytes parse to a registry or an I/O error, never a crash; every entry answers a lookup. */
    @FuzzTest
    void anyBytesParseWithoutCrashing(byte[] data) throws IOException {
        OuiRegistry r = OuiRegistry.parse(new ByteArrayInputStream(data), "fuzz");
        assertThat(r.size()).isGreaterThanOrEqualTo(0);
        r.vendor(MacAddress.parse("00:00:1b:00:00:01"));
    }
}
