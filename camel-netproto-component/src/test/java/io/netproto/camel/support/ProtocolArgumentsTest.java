package io.netproto.camel.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtocolArgumentsTest {

    @Test
    void singleLineValuesPass() {
        assertThat(ProtocolArguments.requireSingleLine("name", "a b\tc")).isEqualTo("a b\tc");
        assertThat(ProtocolArguments.requireSingleLine("name", null)).isNull();
    }

    @Test
    void lineBreaksAndNulAreRefusedNamingTheValue() {
        for (String bad : new String[] { "a\rb", "a\nb", "a\r\nQUIT", "a\0b" }) {
            assertThatThrownBy(() -> ProtocolArguments.requireSingleLine("file name", bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("The file name must not contain");
        }
    }

    @Test
    void requiredValuesMustBePresent() {
        assertThatThrownBy(() -> ProtocolArguments.requireValue("group", " "))
                .hasMessage("The group is required but was not given");
    }
}
