package io.netproto.camel.imap;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checkpoint's stored form keeps retries and pending commits across a restart. */
class ImapCheckpointTest {

    @Test
    void pendingCommitsSurviveTheStoredFormUntilCommitted() {
        ImapCheckpoint checkpoint = new ImapCheckpoint(7, 0, Map.of());
        checkpoint.delivered(3);
        checkpoint.delivered(5);
        checkpoint.failed(6);

        ImapCheckpoint restored = ImapCheckpoint.parse(checkpoint.format());

        assertThat(restored.lastUid()).isEqualTo(6);
        assertThat(restored.retries()).containsExactly(6L);
        assertThat(restored.uncommitted()).containsExactly(3L, 5L);
        restored.committed(List.of(3L, 5L));
        assertThat(ImapCheckpoint.parse(restored.format()).uncommitted()).isEmpty();
        assertThat(restored.format()).isEqualTo("7;6;6:1");
    }

    @Test
    void theFormatOfEarlierVersionsIsStillRead() {
        ImapCheckpoint old = ImapCheckpoint.parse("9;12;4:2");
        assertThat(old.uidValidity()).isEqualTo(9);
        assertThat(old.lastUid()).isEqualTo(12);
        assertThat(old.failures(4)).isEqualTo(2);
        assertThat(old.uncommitted()).isEmpty();
    }
}
