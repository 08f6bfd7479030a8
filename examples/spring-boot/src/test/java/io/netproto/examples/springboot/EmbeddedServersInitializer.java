package io.netproto.examples.springboot;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts {@link EmbeddedServers} before the application context refreshes and points the {@code relay.*}
 * connection properties at them, ahead of {@code application.properties}. The servers become the bean
 * {@code embeddedServers}, closed with the context once Camel has stopped.
 */
public class EmbeddedServersInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        EmbeddedServers servers = EmbeddedServers.start();
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("embeddedServers", servers.relayProperties()));
        ((GenericApplicationContext) context).registerBean("embeddedServers", EmbeddedServers.class, () -> servers);
    }
}
