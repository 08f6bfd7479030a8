package io.netproto.camel.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A class loader in front of another that answers the lookup of one service file from copies taken when it was
 * created, and delegates everything else (classes, other resources) to that loader. Used by
 * {@link MailStreamProviders} so that a {@link java.util.ServiceLoader} lookup repeated on every call does not scan
 * the class path every time.
 */
final class CachedServiceLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final String serviceFile;
    private final List<URL> copies;

    CachedServiceLoader(ClassLoader original, String serviceFile) {
        super(original);
        this.serviceFile = serviceFile;
        this.copies = copies(original, serviceFile);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return serviceFile.equals(name) ? Collections.enumeration(copies) : super.getResources(name);
    }

    /** The content of every copy of the service file the original loader sees, each as an in-memory URL. */
    private static List<URL> copies(ClassLoader original, String serviceFile) {
        List<URL> copies = new ArrayList<>();
        try {
            Enumeration<URL> found = original.getResources(serviceFile);
            while (found.hasMoreElements()) {
                URL source = found.nextElement();
                byte[] content;
                try (InputStream in = source.openStream()) {
                    content = in.readAllBytes();
                }
                copies.add(inMemory(source, content));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + serviceFile + " from the class path", e);
        }
        return List.copyOf(copies);
    }

    private static URL inMemory(URL source, byte[] content) throws MalformedURLException {
        URLStreamHandler handler = new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL url) {
                return new URLConnection(url) {
                    @Override
                    public void connect() {
                        connected = true;
                    }

                    @Override
                    public InputStream getInputStream() {
                        return new ByteArrayInputStream(content);
                    }
                };
            }
        };
        return new URL("netproto-cached", "", -1, "/" + source, handler);
    }
}
