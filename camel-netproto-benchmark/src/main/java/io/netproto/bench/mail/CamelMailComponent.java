package io.netproto.bench.mail;

import org.apache.camel.CamelContext;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.component.mail.MailComponentConfigurer;
import org.apache.camel.component.mail.MailEndpointConfigurer;
import org.apache.camel.spi.PropertyConfigurer;

/**
 * camel-mail's component with camel-mail's own configurers. camel-mail and camel-netproto both register the schemes
 * smtp, pop3 and imap, and Camel finds an endpoint's configurer by scheme ({@code imap-endpoint}): with camel-netproto
 * first on the class path, a plain {@link MailComponent} gets camel-netproto's configurer and fails on its first
 * option.
 */
final class CamelMailComponent extends MailComponent {

    private final PropertyConfigurer endpointConfigurer = new MailEndpointConfigurer();
    private final PropertyConfigurer componentConfigurer = new MailComponentConfigurer();

    /** Registers camel-mail in the context under the scheme (smtp, pop3 or imap), the protocol it then speaks. */
    static void register(CamelContext context, String scheme) {
        context.addComponent(scheme, new CamelMailComponent());
    }

    @Override
    public PropertyConfigurer getEndpointPropertyConfigurer() {
        return endpointConfigurer;
    }

    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        return componentConfigurer;
    }
}
