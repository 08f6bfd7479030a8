package io.netproto.camel.mail;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

@SuppressWarnings("try") // scopes set the context class loader for their block
class MailStreamProvidersTest {

    private static final String SERVICE_FILE = "META-INF/services/jakarta.mail.util.StreamProvider";

    private final ClassLoader before = Thread.currentThread().getContextClassLoader();

    @AfterEach
    void restore() {
        Thread.currentThread().setContextClassLoader(before);
    }

    /** A context class loader that counts how often the StreamProvider service file is looked up. */
    private static final class CountingLoader extends ClassLoader {
        final AtomicInteger serviceLookups = new AtomicInteger();

        CountingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (SERVICE_FILE.equals(name)) {
                serviceLookups.incrementAndGet();
            }
            return super.getResources(name);
        }
    }

    @Test
    void insideAScopeTheServiceFileIsReadOnceAndTheSameProviderIsFound() {
        CountingLoader counting = new CountingLoader(before);
        Thread.currentThread().setContextClassLoader(counting);
        Class<?> expected = StreamProvider.provider().getClass();
        assertEquals(1, counting.serviceLookups.get(), "one lookup without a scope: the class path is scanned per call");

        MailStreamProviders providers = new MailStreamProviders();
        for (int scope = 0; scope < 3; scope++) {
            try (MailStreamProviders.Scope s = providers.enter()) {
                for (int i = 0; i < 50; i++) {
                    assertSame(expected, StreamProvider.provider().getClass());
                }
            }
        }
        assertEquals(2, counting.serviceLookups.get(), "150 lookups in three scopes read the service file once");
        assertSame(counting, Thread.currentThread().getContextClassLoader(), "the context class loader is restored");
    }

    @Test
    void scopesNestAndTheOriginalLoaderIsAvailableForUserCode() {
        MailStreamProviders providers = new MailStreamProviders();
        try (MailStreamProviders.Scope outer = providers.enter()) {
            ClassLoader cached = Thread.currentThread().getContextClassLoader();
            assertInstanceOf(CachedServiceLoader.class, cached);
            try (MailStreamProviders.Scope inner = providers.enter()) {
                assertSame(cached, Thread.currentThread().getContextClassLoader(), "a nested scope changes nothing");
            }
            try (MailStreamProviders.Scope user = MailStreamProviders.original()) {
                assertSame(before, Thread.currentThread().getContextClassLoader());
            }
            assertSame(cached, Thread.currentThread().getContextClassLoader());
        }
        assertSame(before, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void everyOtherLookupGoesToTheOriginalLoader() throws Exception {
        MailStreamProviders providers = new MailStreamProviders();
        try (MailStreamProviders.Scope s = providers.enter()) {
            ClassLoader cached = Thread.currentThread().getContextClassLoader();
            assertSame(before.loadClass(MailBinding.class.getName()), cached.loadClass(MailBinding.class.getName()));
            assertEquals(before.getResource("META-INF/mailcap"), cached.getResource("META-INF/mailcap"));
        }
    }
}
