package io.isthmus.wire.bacnet.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tag reader's two ways of reading the same octets, {@link TagReader#next} (a {@link Tag} per
 * tag) and {@link TagReader#advance} (the current tag held by the reader), give the same tags, the
 * same answers about them and the same failure.
 */
class TagReaderTest {

    private static TagReader reader(byte[] octets, int maxTags) {
        return new TagReader(new OctetReader(ByteBuffer.wrap(octets), 0, octets.length), maxTags);
    }

    /** What each way reads, in order: the tags, then the unsigned values and identifiers, then the failure. */
    private static List<Object> byNext(byte[] octets, int maxTags) {
        TagReader t = reader(octets, maxTags);
        List<Object> out = new ArrayList<>();
        for (Optional<Tag> tag = t.next(); tag.isPresent(); tag = t.next()) {
            Tag g = tag.get();
            out.add(g);
            out.add(List.of(g.isContext(0), g.isContext(1), g.opens(3), g.isApplication(Tag.CHARACTER_STRING)));
            if (g.kind() == Tag.Kind.PRIMITIVE && !g.isApplication(Tag.BOOLEAN) && g.length() <= 8) {
                out.add(t.unsigned(g));
            }
        }
        out.add(t.octets().failure());
        return out;
    }

    private static List<Object> byAdvance(byte[] octets, int maxTags) {
        TagReader t = reader(octets, maxTags);
        List<Object> out = new ArrayList<>();
        while (t.advance()) {
            Tag g = t.current();
            out.add(g);
            out.add(List.of(
                    t.currentIsContext(0),
                    t.currentIsContext(1),
                    t.currentOpens(3),
                    t.currentIsApplication(Tag.CHARACTER_STRING)));
            if (g.kind() == Tag.Kind.PRIMITIVE && !g.isApplication(Tag.BOOLEAN) && g.length() <= 8) {
                out.add(t.currentUnsigned());
            }
        }
        out.add(t.octets().failure());
        return out;
    }

    @Test
    void aReadPropertyAckReadsTheSameTagsEitherWay() {
        // [0] analog-value 1, [1] present-value, [3] { real 1.5 }
        byte[] ack = {0x0C, 0x00, (byte) 0x80, 0x00, 0x01, 0x19, 0x55, 0x3E, 0x44, 0x3F, (byte) 0xC0, 0, 0, 0x3F};
        List<Object> next = byNext(ack, 16);
        assertThat(byAdvance(ack, 16)).isEqualTo(next);
        assertThat(next.getFirst()).isEqualTo(new Tag(0, true, Tag.Kind.PRIMITIVE, 1, 4));
        assertThat(next.getLast()).isEqualTo(Optional.empty());
        TagReader t = reader(ack, 16);
        assertThat(t.advance()).isTrue();
        assertThat(t.currentObjectIdentifier()).isEqualTo(0x00800001L);
    }

    @Test
    void randomOctetsReadTheSameTagsAndFailureEitherWay() {
        Random random = new Random(2311);
        for (int i = 0; i < 20_000; i++) {
            byte[] octets = new byte[random.nextInt(24)];
            random.nextBytes(octets);
            int maxTags = 1 + random.nextInt(8);
            assertThat(byAdvance(octets, maxTags)).as("case %d", i).isEqualTo(byNext(octets, maxTags));
        }
    }

    @Test
    void anObjectIdentifierOfAnotherLengthFailsTheReaderEitherWay() {
        byte[] three = {0x0B, 0x00, (byte) 0x80, 0x01};
        TagReader cursor = reader(three, 4);
        assertThat(cursor.advance()).isTrue();
        assertThat(cursor.currentObjectIdentifier()).isEqualTo(-1);
        TagReader tags = reader(three, 4);
        assertThat(tags.objectIdentifier(tags.next().orElseThrow())).isEmpty();
        assertThat(cursor.octets().failure())
                .isPresent()
                .isEqualTo(tags.octets().failure());
    }

    @Test
    void skippingAConstructedValueEndsAfterItsClosingTagEitherWay() {
        // [3] { [0] { unsigned 5 } } then [4] 9
        byte[] octets = {0x3E, 0x0E, 0x21, 0x05, 0x0F, 0x3F, 0x49, 0x09};
        TagReader cursor = reader(octets, 16);
        assertThat(cursor.advance()).isTrue();
        cursor.skipCurrentConstructed();
        assertThat(cursor.advance()).isTrue();
        assertThat(cursor.currentIsContext(4)).isTrue();
        assertThat(cursor.currentUnsigned()).isEqualTo(9);
        TagReader tags = reader(octets, 16);
        tags.skipConstructed(tags.next().orElseThrow());
        assertThat(tags.next()).contains(cursor.current());
    }
}
