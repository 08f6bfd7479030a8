package io.netproto.examples.springboot;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts {@link EmbeddedFtpServers} before the application context refreshes and points the {@code relay.*}
 * connection properties at them, ahead of {@code application.properties}. The servers become the bean
 * {@code embeddedFtpServers}, closed with the context once Camel has stopped.
 */
public class EmbeddedFtpServersInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        EmbeddedFtpServers servers = EmbeddedFtpServers.start();
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("embeddedFtpServers", servers.relayProperties()));
        ((GenericApplicationContext) context).registerBean("embeddedFtpServers", EmbeddedFtpServers.class, () -> servers);
    }
}
