package io.isthmus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TagPathTest {

    private static final String SIXTY_FIVE = "x".repeat(65);

    static Stream<Arguments> malformedPaths() {
        return Stream.of(
                arguments("", 0, "is empty; expected 7 segments"),
                arguments("acme/plant1/press/line2/cell3/pump4", 35, "segment 7 (point) is missing"),
                arguments("acme/plant1/press/line2/cell3/pump4/speed/extra", 42, "segment 8 'extra' is one too many"),
                arguments("acme//press/line2/cell3/pump4/speed", 5, "segment 2 (site) is empty"),
                arguments("acme/plant1/press/line2/cell3/pump4/", 35, "ends with '/'"),
                arguments("/acme/plant1/press/line2/cell3/pump4/speed", 0, "segment 1 (enterprise) is empty"),
                arguments(
                        "acme/plant1/press room/line2/cell3/pump4/speed",
                        17,
                        "segment 3 (area) 'press room' contains U+0020 (SPACE)"),
                arguments("acme/plant1/press/line+/cell3/pump4/speed", 22, "segment 4 (line) 'line+' contains '+'"),
                arguments("acme/plant1/press/line2/cell#/pump4/speed", 28, "segment 5 (cell) 'cell#' contains '#'"),
                arguments(
                        "acme/plant1/press/line2/cell3/" + SIXTY_FIVE + "/speed",
                        30,
                        "segment 6 (equipment) is 65 characters long; at most 64"),
                arguments("acme/plant1/press/line2/cell3/pump4/..", 36, "segment 7 (point) is '..'"),
                arguments(
                        "acme/plant1/presse/ligne2/cellule3/pompe4/débit",
                        43,
                        "segment 7 (point) 'débit' contains 'é' (U+00E9)"),
                arguments(
                        "acme/werk\uD83C\uDFED/press/line2/cell3/pump4/speed",
                        9,
                        "segment 2 (site) 'werk\uD83C\uDFED' contains '\uD83C\uDFED' (U+1F3ED)"));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' fails at offset {1}")
    @MethodSource("malformedPaths")
    void rejectsAMalformedPathNamingTheSegmentAndItsOffset(String text, int offset, String reason) {
        assertThatThrownBy(() -> TagPath.parse(text)).isInstanceOfSatisfying(TagPathException.class, e -> {
            assertThat(e.offset()).isEqualTo(offset);
            assertThat(e.input()).isEqualTo(text);
            assertThat(e.getMessage()).contains("at offset " + offset + ": ").contains(reason);
        });
    }

    @Test
    void rejectsAnEmptyLineSegmentNamingItsOffset() {
        assertThatThrownBy(() -> TagPath.parse("acme/plant1/press//cell3/pump4/speed"))
                .isInstanceOf(TagPathException.class)
                .hasMessage("invalid tag path 'acme/plant1/press//cell3/pump4/speed' at offset 18: "
                        + "segment 4 (line) is empty");
    }

    @Test
    void rejectsNullTextAsEmpty() {
        assertThatThrownBy(() -> TagPath.parse(null))
                .isInstanceOf(TagPathException.class)
                .hasMessageContaining("is empty");
    }

    @Test
    void constructorReportsTheRealOffsetOfTheBadSegment() {
        assertThatThrownBy(() -> new TagPath("acme", "plant1", "press", "line 2", "cell3", "pump4", "speed"))
                .isInstanceOfSatisfying(TagPathException.class, e -> {
                    assertThat(e.offset()).isEqualTo(22);
                    assertThat(e.getMessage()).contains("segment 4 (line) 'line 2' contains U+0020 (SPACE)");
                });
    }

    @Test
    void constructorAndParseAgreeOnTheOffset() {
        String text = "acme/plant1/press/line2/cell3/pump#4/speed";
        TagPathException fromParse = catchTagPathException(() -> TagPath.parse(text));
        TagPathException fromConstructor = catchTagPathException(
                () -> new TagPath("acme", "plant1", "press", "line2", "cell3", "pump#4", "speed"));
        assertThat(fromConstructor.offset()).isEqualTo(fromParse.offset()).isEqualTo(34);
        assertThat(fromConstructor.getMessage()).isEqualTo(fromParse.getMessage());
    }

    @Test
    void constructorNamesAMissingSegment() {
        assertThatThrownBy(() -> new TagPath("acme", "plant1", null, "line2", "cell3", "pump4", "speed"))
                .isInstanceOfSatisfying(TagPathException.class, e -> {
                    assertThat(e.offset()).isEqualTo(12);
                    assertThat(e.getMessage()).contains("segment 3 (area) is missing (null)");
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "acme/plant1/press/line2/cell3/pump4/speed",
                "ACME/Plant-1/press.hall/line_2/c/p/x",
                "a.b/c-d/e_f/0/1/2/3",
            })
    void formatsBackToTheTextItWasParsedFrom(String text) {
        TagPath path = TagPath.parse(text);
        assertThat(path.toString()).isEqualTo(text);
        assertThat(TagPath.parse(path.toString())).isEqualTo(path);
    }

    @Test
    void acceptsSegmentsOfExactlySixtyFourCharacters() {
        String longest = "y".repeat(TagPath.MAX_SEGMENT_LENGTH);
        TagPath path = TagPath.parse("acme/plant1/press/line2/cell3/" + longest + "/speed");
        assertThat(path.equipment()).hasSize(64);
    }

    @Test
    void addressesEachIsa95LevelByName() {
        TagPath path = TagPath.parse("acme/plant1/press/line2/cell3/pump4/speed");
        assertThat(path.segment(Isa95Level.ENTERPRISE)).isEqualTo("acme");
        assertThat(path.segment(Isa95Level.CELL)).isEqualTo("cell3");
        assertThat(path.segment(Isa95Level.POINT)).isEqualTo("speed");
        assertThat(path.equipmentPath()).isEqualTo("acme/plant1/press/line2/cell3/pump4");
        assertThat(path.withPoint("temperature").point()).isEqualTo("temperature");
    }

    @Test
    void isUnderMatchesWholeSegmentsOnly() {
        TagPath path = TagPath.parse("acme/plant1/press/line2/cell3/pump4/speed");
        assertThat(path.isUnder("acme/plant1")).isTrue();
        assertThat(path.isUnder("acme/plant1/")).isTrue();
        assertThat(path.isUnder("acme/plant")).isFalse();
        assertThat(path.isUnder("")).isTrue();
    }

    private static TagPathException catchTagPathException(Runnable action) {
        try {
            action.run();
        } catch (TagPathException e) {
            return e;
        }
        throw new AssertionError("expected a TagPathException");
    }
}
