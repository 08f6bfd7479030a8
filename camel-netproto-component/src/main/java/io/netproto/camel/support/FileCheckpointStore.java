package io.netproto.camel.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Keeps checkpoints in a properties file. Every change rewrites a temporary file and moves it over the
 * old one atomically, so a crash leaves either the old or the new state, never a torn file.
 */
public final class FileCheckpointStore implements CheckpointStore {

    private final Path file;
    private final Properties values = new Properties();

    /** Opens (or starts) the store at {@code file}; its directory is created when missing. */
    public FileCheckpointStore(Path file) {
        this.file = file.toAbsolutePath();
        if (Files.exists(this.file)) {
            try (InputStream in = Files.newInputStream(this.file)) {
                values.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the checkpoint file " + this.file, e);
            }
        }
    }

    @Override
    public synchronized String get(String key) {
        return values.getProperty(key);
    }

    @Override
    public synchronized void put(String key, String value) {
        values.setProperty(key, value);
        save();
    }

    @Override
    public synchronized void remove(String key) {
        if (values.remove(key) != null) {
            save();
        }
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                values.store(out, "camel-netproto consumer checkpoints");
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the checkpoint file " + file, e);
        }
    }

    @Override
    public String toString() {
        return "FileCheckpointStore[" + file + "]";
    }
}
