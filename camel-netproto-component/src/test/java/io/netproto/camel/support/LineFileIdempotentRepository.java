package io.netproto.camel.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A persistent idempotent repository for the fault runs: one key per line, appended (and forced to disk) on add, read
 * back by a new instance. Camel's {@code FileIdempotentRepository} scans its file for every key it has not cached,
 * which makes a poll over 1,000 unconsumed items quadratic; this one keeps every key in memory.
 */
public final class LineFileIdempotentRepository extends ServiceSupport implements IdempotentRepository {

    private final Path file;
    private final Set<String> keys = new HashSet<>();

    /** Opens the repository at {@code file}, loading the keys a previous instance stored. */
    public LineFileIdempotentRepository(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                keys.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized boolean add(String key) {
        if (!keys.add(key)) {
            return false;
        }
        try {
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            keys.remove(key);
            throw new UncheckedIOException(e);
        }
        return true;
    }

    @Override
    public synchronized boolean contains(String key) {
        return keys.contains(key);
    }

    @Override
    public synchronized boolean remove(String key) {
        throw new UnsupportedOperationException("the fault runs never remove keys");
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public synchronized void clear() {
        throw new UnsupportedOperationException("the fault runs never clear the repository");
    }
}
