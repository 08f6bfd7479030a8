package io.netproto.camel.mail;

import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * The default header filter of the mail endpoints: Camel's own headers ({@code Camel…} in any case,
 * {@code org.apache.camel…}) and JavaMail session property names ({@code mail.smtp…}) never become MIME headers of
 * outgoing mail, and headers of received mail with those names never become Camel headers (a sender must not be able
 * to steer a route with a header such as {@code CamelFileName}). Further names can be added with the setters of
 * {@link DefaultHeaderFilterStrategy}.
 */
public class MailHeaderFilterStrategy extends DefaultHeaderFilterStrategy {

    @Override
    protected boolean extendedFilter(Direction direction, String key, Object value, Exchange exchange) {
        String name = key.toLowerCase(Locale.ROOT);
        return name.startsWith("camel") || name.startsWith("org.apache.camel.") || name.startsWith("mail.smtp");
    }
}
