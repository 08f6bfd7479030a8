package io.netproto.camel.support;

import org.apache.camel.spi.StateRepository;

/** Keeps checkpoints in any Camel {@link StateRepository} (file, JDBC, Infinispan, ...). */
public final class StateRepositoryCheckpointStore implements CheckpointStore {

    private final StateRepository<String, String> repository;

    public StateRepositoryCheckpointStore(StateRepository<String, String> repository) {
        this.repository = repository;
    }

    @Override
    public String get(String key) {
        String value = repository.getState(key);
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public void put(String key, String value) {
        repository.setState(key, value);
    }

    /** StateRepository has no removal (and some refuse null values): an empty value stands for none. */
    @Override
    public void remove(String key) {
        repository.setState(key, "");
    }
}
