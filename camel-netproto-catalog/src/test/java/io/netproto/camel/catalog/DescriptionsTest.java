package io.netproto.camel.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DescriptionsTest {

    @Test
    void turnsJavadocRemnantsIntoCodeSpans() {
        assertThat(Descriptions.markdown("Over FTP ({code netftp:}) with {link FtpOperation}, {code }x"))
                .isEqualTo("Over FTP (`netftp:`) with `FtpOperation`, x");
        assertThat(Descriptions.plain("Over FTP ({code netftp:})\n and {code $1}")).isEqualTo("Over FTP (netftp:) and $1");
    }

    @Test
    void keepsTableCellsOnOneLineWithPipesEscaped() {
        assertThat(Descriptions.cell("a | b\n  c")).isEqualTo("a \\| b c");
    }
}
