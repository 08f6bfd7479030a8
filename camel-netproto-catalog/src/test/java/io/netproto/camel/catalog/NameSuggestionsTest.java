package io.netproto.camel.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameSuggestionsTest {

    @Test
    void measuresEditDistance() {
        assertThat(NameSuggestions.distance("passivmode", "passivemode")).isEqualTo(1);
        assertThat(NameSuggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NameSuggestions.distance("", "abc")).isEqualTo(3);
        assertThat(NameSuggestions.distance("same", "same")).isZero();
    }

    @Test
    void suggestsOnlyTheClosestLikelyTypos() {
        List<String> names = List.of("delete", "delay", "move", "moveFailed");

        assertThat(NameSuggestions.closest(names, "delte")).containsExactly("delete");
        assertThat(NameSuggestions.closest(names, "MOVE")).containsExactly("move");
        assertThat(NameSuggestions.closest(names, "colour")).isEmpty();
        assertThat(NameSuggestions.closest(List.of("0", "1", "2"), "3")).isEmpty();
    }
}
