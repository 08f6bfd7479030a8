package io.netproto.camel.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SizeLimitsTest {

    @Test
    void aStreamOfExactlyTheLimitReadsWholeAndOneByteMoreFails() throws IOException {
        assertThat(SizeLimits.limit(new ByteArrayInputStream(new byte[100]), 100, "x", "maxFileSize", "stopped")
                .readAllBytes()).hasSize(100);
        InputStream over = SizeLimits.limit(new ByteArrayInputStream(new byte[101]), 100, "The file f", "maxFileSize", "stopped");
        assertThatThrownBy(over::readAllBytes).isInstanceOf(IOException.class)
                .hasMessage("The file f is larger than 100 bytes, over the limit maxFileSize=100 bytes: stopped")
                .cause().isInstanceOfSatisfying(SizeLimitExceededException.class, e -> {
                    assertThat(e.getLimitName()).isEqualTo("maxFileSize");
                    assertThat(e.getLimit()).isEqualTo(100);
                    assertThat(e.getSize()).isEqualTo(-1);
                });
    }

    @Test
    void noLimitLeavesTheStreamAsItIs() {
        InputStream in = new ByteArrayInputStream(new byte[1]);
        assertThat(SizeLimits.limit(in, 0, "x", "maxFileSize", "stopped")).isSameAs(in);
        assertThat(SizeLimits.exceeds(Long.MAX_VALUE, 0)).isFalse();
        assertThat(SizeLimits.exceeds(-1, 10)).isFalse();
        assertThat(SizeLimits.exceeds(11, 10)).isTrue();
    }

    @Test
    void aNegativeLimitIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> SizeLimits.validate("maxMessageSize", -1))
                .hasMessage("Option maxMessageSize must be 0 (no limit) or a number of bytes, was -1");
    }

    @Test
    void countMeasuresWhatIsWritten() throws Exception {
        assertThat(SizeLimits.count(out -> {
            out.write(new byte[10]);
            out.write(1);
        })).isEqualTo(11);
    }
}
