package io.netproto.camel.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointStoreTest {

    @Test
    void aFileStoreSurvivesReopeningAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state/checkpoints.properties");
        FileCheckpointStore store = new FileCheckpointStore(file);
        store.put("imap://bob@host/INBOX", "uidvalidity=7;uid=42");
        store.put("nntp://host/comp.lang.java", "118");
        store.remove("nntp://host/comp.lang.java");

        FileCheckpointStore reopened = new FileCheckpointStore(file);
        assertThat(reopened.get("imap://bob@host/INBOX")).isEqualTo("uidvalidity=7;uid=42");
        assertThat(reopened.get("nntp://host/comp.lang.java")).isNull();
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("checkpoints.properties");
        }
    }

    @Test
    void memoryAndStateRepositoryStoresKeepValues() {
        for (CheckpointStore store : new CheckpointStore[] {
                new MemoryCheckpointStore(), new StateRepositoryCheckpointStore(new MemoryStateRepository()) }) {
            store.put("k", "v1");
            store.put("k", "v2");
            assertThat(store.get("k")).isEqualTo("v2");
            store.remove("k");
            assertThat(store.get("k")).isNull();
        }
    }
}
