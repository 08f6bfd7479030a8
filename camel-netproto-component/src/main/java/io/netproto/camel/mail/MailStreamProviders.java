package io.netproto.camel.mail;

/**
 * Makes Jakarta Mail's per-call provider lookup cheap while our code parses or writes MIME.
 * <p>
 * Jakarta Mail 2.1 looks up its {@code jakarta.mail.util.StreamProvider} with a {@link java.util.ServiceLoader} on
 * every MIME header block parsed, every body part and multipart created and every content decoded or encoded
 * (jakartaee/mail-api issue 861). Each lookup scans every jar of the context class loader for the service file: on a
 * class path of 50 jars it costs 0.1 to 1 ms, several times per message, which made the mail binding slower than the
 * network. While a {@link Scope} is open, the thread's context class loader is a {@link CachedServiceLoader} in front
 * of the original one: it answers that one service-file lookup from a copy taken once, and delegates every other
 * class and resource lookup to the original loader, so the lookup finds the same provider as before.
 * <p>
 * Scopes are opened around our own parsing and writing only; the route runs with the original context class loader
 * ({@link #original()}). Setting the JVM system property {@value #DISABLE_PROPERTY} to {@code true} turns this off.
 * One instance per consumer or producer; it keeps the caching loader of the last original loader it saw.
 */
public final class MailStreamProviders {

    /** JVM system property that turns the cached lookup off (the class loader is then never changed). */
    public static final String DISABLE_PROPERTY = "io.netproto.mail.cachedStreamProvider.disabled";

    private static final String SERVICE_FILE = "META-INF/services/jakarta.mail.util.StreamProvider";

    private final boolean enabled = !Boolean.getBoolean(DISABLE_PROPERTY);
    private volatile CachedServiceLoader cached;

    /** Restores the thread's previous context class loader when closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Opens a scope in which the current thread's context class loader answers the StreamProvider lookup from a
     * cache; a no-op when already inside one, when disabled, or when the thread has no context class loader.
     */
    public Scope enter() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (!enabled || previous == null || previous instanceof CachedServiceLoader) {
            return () -> {
            };
        }
        thread.setContextClassLoader(loaderFor(previous));
        return () -> thread.setContextClassLoader(previous);
    }

    /**
     * Opens a scope with the original context class loader again (for running the route from inside a scope); a
     * no-op outside a scope.
     */
    public static Scope original() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (!(previous instanceof CachedServiceLoader loader)) {
            return () -> {
            };
        }
        thread.setContextClassLoader(loader.getParent());
        return () -> thread.setContextClassLoader(previous);
    }

    private CachedServiceLoader loaderFor(ClassLoader original) {
        CachedServiceLoader loader = cached;
        if (loader == null || loader.getParent() != original) {
            loader = new CachedServiceLoader(original, SERVICE_FILE);
            cached = loader;
        }
        return loader;
    }
}
