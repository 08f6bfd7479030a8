package io.netproto.camel.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps checkpoints in memory: progress survives a route restart, not a JVM restart. The default. */
public final class MemoryCheckpointStore implements CheckpointStore {

    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public String get(String key) {
        return values.get(key);
    }

    @Override
    public void put(String key, String value) {
        values.put(key, value);
    }

    @Override
    public void remove(String key) {
        values.remove(key);
    }
}
