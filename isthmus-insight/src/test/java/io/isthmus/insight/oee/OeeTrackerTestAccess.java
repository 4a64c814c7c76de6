package io.isthmus.insight.oee;

import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import java.util.List;

/** The OEE test's hand-built night for other packages' tests. */
public final class OeeTrackerTestAccess {
    private OeeTrackerTestAccess() {}

    public static OeeConfig config() {
        return OeeTrackerTest.config();
    }

    public static List<Sample> nightSamples() {
        return OeeTrackerTest.night().inTimeOrder();
    }

    public static TagPath tag(String machine, String point) {
        return Readings.tag(machine, point);
    }
}
