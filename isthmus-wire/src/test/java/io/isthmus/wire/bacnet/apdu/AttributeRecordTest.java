package io.isthmus.wire.bacnet.apdu;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.Attribute;
import io.isthmus.wire.AttributeSink;
import io.isthmus.wire.LazyAttributes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A BACnet message's attributes keep numbers as numbers until read, and read back as the texts the
 * dissector made before (String.valueOf of the value), in the order they were added.
 */
class AttributeRecordTest {

    @Test
    void anEmptyRecordFreezesToTheEmptyList() {
        assertThat(new AttributeRecord().freeze()).isSameAs(List.of());
    }

    @Test
    void numbersTextsAndFlagsReadBackAsTheirTextsInOrder() {
        var record = new AttributeRecord()
                .text("object_type", "analog-input")
                .number("object_instance", 4_194_303)
                .number("low_limit", 0)
                .number("negative", -12)
                .number("big", Long.MAX_VALUE)
                .flag("more_follows", true)
                .flag("negative_ack", false)
                .text("sadr", null);
        List<Attribute> frozen = record.freeze();
        assertThat(frozen).isInstanceOf(LazyAttributes.class);
        assertThat(frozen)
                .containsExactly(
                        new Attribute("object_type", "analog-input"),
                        new Attribute("object_instance", String.valueOf(4_194_303)),
                        new Attribute("low_limit", "0"),
                        new Attribute("negative", "-12"),
                        new Attribute("big", String.valueOf(Long.MAX_VALUE)),
                        new Attribute("more_follows", "true"),
                        new Attribute("negative_ack", "false"),
                        new Attribute("sadr", String.valueOf((Object) null)));
        assertThat(record.isEmpty()).isTrue();
    }

    @Test
    void aSinkIsHandedNumbersAsNumbersAndTextsAsTexts() {
        List<String> calls = new ArrayList<>();
        var frozen = (LazyAttributes) new AttributeRecord()
                .number("dnet", 5)
                .text("dadr", "broadcast")
                .freeze();
        frozen.writeTo(new AttributeSink() {
            @Override
            public void name(String name) {
                calls.add("name " + name);
            }

            @Override
            public void text(String s) {
                calls.add("text " + s);
            }

            @Override
            public void hex(long value, int digits) {
                calls.add("hex " + value);
            }

            @Override
            public void decimal(long value) {
                calls.add("decimal " + value);
            }
        });
        assertThat(calls).containsExactly("name dnet", "decimal 5", "name dadr", "text broadcast");
    }

    @Test
    void aFrozenListStaysTheSameWhenTheRecordIsFilledAgainAndGrowsPastItsFirstArrays() {
        var record = new AttributeRecord().number("a", 1).text("b", "two");
        List<Attribute> first = record.freeze();
        for (int i = 0; i < 40; i++) {
            record.number("n" + i, i);
        }
        List<Attribute> second = record.freeze();
        assertThat(first).containsExactly(new Attribute("a", "1"), new Attribute("b", "two"));
        assertThat(second).hasSize(40);
        assertThat(second.get(39)).isEqualTo(new Attribute("n39", "39"));
    }

    @Test
    void aRecordReusedAfterFreezeOrClearHoldsOnlyTheNewAttributes() {
        var record = new AttributeRecord();
        for (int i = 0; i < 6; i++) {
            record.text("t" + i, "text " + i);
        }
        List<Attribute> first = record.freeze();
        record.text("dropped", "x").text("dropped too", "y");
        record.clear(); // a datagram given up half-way
        record.number("n", 7).text("t", "z");
        List<Attribute> second = record.freeze();
        record.text("a", "b");
        record.clear();
        record.number("after clear", 1);
        List<Attribute> third = record.freeze();

        assertThat(first).hasSize(6).endsWith(new Attribute("t5", "text 5"));
        assertThat(second).containsExactly(new Attribute("n", "7"), new Attribute("t", "z"));
        assertThat(third).containsExactly(new Attribute("after clear", "1"));
        assertThat(record.freeze()).isSameAs(List.of());
    }
}
