package io.netproto.camel.ftp;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FtpEndpointConfigurationTest {

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void anUnknownOptionFailsNamingIt() {
        assertThatThrownBy(() -> context.getEndpoint("netftp://h/dir?passivMode=true"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("passivMode");
    }

    @Test
    void anInvalidValueFailsNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint("netftp://h/dir?sortBy=weight"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("sortBy");
        assertThatThrownBy(() -> context.getEndpoint("netftp://h/dir?bufferSize=-1"))
                .hasStackTraceContaining("bufferSize");
        assertThatThrownBy(() -> context.getEndpoint("netftp://h/dir?readTimeout=0"))
                .hasStackTraceContaining("readTimeout");
        assertThatThrownBy(() -> context.getEndpoint("netftp://h/dir?delete=true&move=done"))
                .hasStackTraceContaining("delete and move");
        assertThatThrownBy(() -> context.getEndpoint("netftp://h/dir?fileName=../x"))
                .hasStackTraceContaining("fileName");
    }

    @Test
    void timeoutsAreFiniteByDefault() {
        FtpEndpoint endpoint = context.getEndpoint("netftp://h/dir", FtpEndpoint.class);
        assertThat(endpoint.getConfiguration().getConnectTimeout()).isPositive();
        assertThat(endpoint.getConfiguration().getReadTimeout()).isPositive();
        assertThat(endpoint.getConfiguration().isPassiveMode()).isTrue();
        assertThat(endpoint.getConfiguration().isBinary()).isTrue();
        assertThat(endpoint.getConfiguration().isVerifyHostname()).isTrue();
    }

    @Test
    void passwordsNeverShowInTheEndpointUri() {
        FtpEndpoint endpoint = context.getEndpoint("netftp://bob@h:21/dir?password=TopSecret99", FtpEndpoint.class);
        assertThat(endpoint.toString()).doesNotContain("TopSecret99");
        assertThat(endpoint.getConfiguration().toString()).doesNotContain("TopSecret99");
        FtpEndpoint inline = context.getEndpoint("netftp://bob:Inline77@h:21/dir", FtpEndpoint.class);
        assertThat(inline.getConfiguration().getPassword()).isEqualTo("Inline77");
        assertThat(inline.toString()).doesNotContain("Inline77");
    }
}
