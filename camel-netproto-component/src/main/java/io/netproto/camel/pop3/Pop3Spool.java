package io.netproto.camel.pop3;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

import jakarta.mail.util.SharedFileInputStream;

/**
 * A message retrieved by the producer, kept in a temporary file once its session ended, so that a large message
 * never sits in memory whole. The file is removed by {@link #close()}, or, when handed over as the body
 * ({@link #handOver()}), when that stream is closed.
 */
final class Pop3Spool implements AutoCloseable {

    private final Path file;

    private Pop3Spool(Path file) {
        this.file = file;
    }

    /** Copies the stream into a new temporary file in {@code directory} (null: the JVM's temporary directory). */
    static Pop3Spool copy(InputStream in, String directory) {
        Path file = null;
        try (in) {
            file = directory == null
                    ? Files.createTempFile("camel-pop3-", ".eml")
                    : Files.createTempFile(Files.createDirectories(Paths.get(directory)), "camel-pop3-", ".eml");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return new Pop3Spool(file);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("Cannot spool the retrieved message to " + (file != null ? file : directory), e);
        }
    }

    /** The message's size in octets. */
    long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** A stream over the message for parsing; the caller closes it. */
    SharedFileInputStream open() {
        try {
            return new SharedFileInputStream(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the spooled message " + file, e);
        }
    }

    /** A stream over the whole message that owns the file: closing the stream removes it. */
    InputStream handOver() {
        try {
            return new FilterInputStream(Files.newInputStream(file)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        Pop3Spool.this.close();
                    }
                }
            };
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Cannot read the spooled message " + file, e);
        }
    }

    /** Removes the file. */
    @Override
    public void close() {
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a file still open elsewhere (Windows): it goes with the JVM's temporary files
            }
        }
    }
}
