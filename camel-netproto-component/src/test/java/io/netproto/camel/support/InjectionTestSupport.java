package io.netproto.camel.support;

import java.util.function.LongSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the injection tests share: one CamelContext per class, and the assertion that a parameter holding a line break
 * is refused with an error naming it while nothing reaches the server.
 */
public abstract class InjectionTestSupport {

    protected static CamelContext context;
    protected static ProducerTemplate template;

    /** Verifies that nothing reached the server (no connection, no command, nothing stored). */
    @FunctionalInterface
    public interface ServerUntouched {
        void verify();
    }

    @BeforeAll
    static void startCamel() {
        context = new DefaultCamelContext();
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterAll
    static void stopCamel() {
        context.stop();
    }

    /** Nothing reached the server while this counter (connections, commands) keeps the value it has now. */
    protected static ServerUntouched unchanged(LongSupplier counter) {
        long before = counter.getAsLong();
        return () -> assertThat(counter.getAsLong()).as("what reached the server").isEqualTo(before);
    }

    /** The exchange failed with an IllegalArgumentException whose message contains {@code naming}; the server saw nothing. */
    protected static void assertRefused(Exchange exchange, String naming, ServerUntouched server) {
        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(naming);
        server.verify();
    }

    /** The call failed (the endpoint refused an option), its stack trace containing {@code naming}; the server saw nothing. */
    protected static void assertOptionRefused(ThrowingCallable call, String naming, ServerUntouched server) {
        assertThatThrownBy(call).hasStackTraceContaining(naming);
        server.verify();
    }

    /** URI options setting {@code option} to {@code value}, with the credentials of {@code user} it does not replace. */
    protected static String withCredentials(String user, String option, String value) {
        String credentials = switch (option) {
            case "username" -> "password=x&";
            case "password" -> "username=" + user + "&";
            default -> "username=" + user + "&password=x&";
        };
        return credentials + option + "=" + value;
    }
}
