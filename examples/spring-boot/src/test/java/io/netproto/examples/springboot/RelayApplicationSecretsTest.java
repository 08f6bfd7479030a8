package io.netproto.examples.springboot;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The passwords are not in application.properties: without them the application refuses to start, naming them. */
class RelayApplicationSecretsTest {

    @Test
    void refusesToStartWithoutThePartnersPassword() {
        assumeTrue(System.getenv("RELAY_SOURCE_PASSWORD") == null, "RELAY_SOURCE_PASSWORD is set in this environment");

        SpringApplication application = new SpringApplication(RelayApplication.class);
        // framework logging off: the failure is expected, not worth a stack trace in the build log
        String[] args = {"--camel.main.run-controller=false", "--spring.main.banner-mode=off",
                         "--spring.main.log-startup-info=false", "--logging.level.org.springframework=OFF",
                         "--logging.level.org.apache.camel=OFF"};

        assertThatThrownBy(() -> application.run(args).close())
                .hasStackTraceContaining("Could not resolve placeholder 'RELAY_SOURCE_PASSWORD'");
    }
}
