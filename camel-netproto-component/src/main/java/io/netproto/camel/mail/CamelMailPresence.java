package io.netproto.camel.mail;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns once when Apache Camel's own camel-mail is on the class path too: both register the schemes {@code smtp},
 * {@code smtps}, {@code pop3}, {@code pop3s}, {@code imap} and {@code imaps}, and which component a URI with one of
 * them gets depends on class-path order. The {@code net…} schemes always mean camel-netproto.
 */
public final class CamelMailPresence {

    /** camel-mail's component class, looked up as a class-path resource (no class loading, no reflection). */
    static final String MARKER = "org/apache/camel/component/mail/MailComponent.class";

    private static final Logger LOG = LoggerFactory.getLogger(CamelMailPresence.class);
    private static final Set<ClassLoader> WARNED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private CamelMailPresence() {
    }

    /**
     * @param  loader the class loader to look in
     * @return        whether camel-mail is visible through it
     */
    public static boolean isPresent(ClassLoader loader) {
        return loader != null && loader.getResource(MARKER) != null;
    }

    /**
     * Logs the warning when camel-mail is visible through {@code loader}, once per class loader.
     *
     * @param  loader the application's class loader (e.g. the CamelContext's application context class loader)
     * @return        whether the warning was logged by this call
     */
    public static boolean warnIfPresent(ClassLoader loader) {
        ClassLoader effective = loader != null ? loader : CamelMailPresence.class.getClassLoader();
        if (!isPresent(effective) || !WARNED.add(effective)) {
            return false;
        }
        LOG.warn(warning());
        return true;
    }

    static String warning() {
        return "camel-mail is on the class path as well as camel-netproto: both register the schemes smtp, smtps, pop3,"
               + " pop3s, imap and imaps, and which component such a URI gets depends on class-path order."
               + " Use netsmtp:, netsmtps:, netpop3:, netpop3s:, netimap: and netimaps: to address camel-netproto"
               + " unambiguously, or remove one of the two.";
    }
}
