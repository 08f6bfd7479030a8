package io.netproto.camel.pop3;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Pop3ProducerTest extends Pop3TestSupport {

    @BeforeEach
    void fillMailbox() {
        deliver("first", "one\r\nline two\r\nline three");
        deliver("second", "two");
        deliver("third", "three");
    }

    private Exchange send(String operation, Map<String, Object> headers) {
        Exchange exchange = template.request(uri("operation=" + operation), e -> e.getIn().setHeaders(headers));
        if (exchange.getException() != null) {
            throw new CamelExecutionException("failed", exchange, exchange.getException());
        }
        return exchange;
    }

    private Object body(String operation, Map<String, Object> headers) {
        return send(operation, headers).getMessage().getBody();
    }

    @ParameterizedTest
    @ValueSource(strings = { "pop3", "pop3s", "netpop3", "netpop3s" })
    void statCountsMessagesAndOctetsOnEveryScheme(String scheme) {
        Pop3Status status = template.requestBody(uri(scheme, "operation=stat"), null, Pop3Status.class);
        assertThat(status.count()).isEqualTo(3);
        assertThat(status.octets()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = { "pop3s", "netpop3s" })
    void everyOperationWorksOverImplicitTls(String scheme) {
        String uri = uri(scheme, "");
        assertThat(template.requestBodyAndHeader(uri, null, Pop3Constants.OPERATION, "stat", Pop3Status.class).count())
                .isEqualTo(3);
        assertThat((List<?>) template.requestBodyAndHeader(uri, null, Pop3Constants.OPERATION, "list", List.class)).hasSize(3);
        assertThat((Map<?, ?>) template.requestBodyAndHeader(uri, null, Pop3Constants.OPERATION, "uidl", Map.class)).hasSize(3);
        assertThat(template.requestBodyAndHeader(uri, null, Pop3Constants.OPERATION, "noop")).isEqualTo(Boolean.TRUE);
        Map<?, ?> capabilities = template.requestBodyAndHeader(uri, null, Pop3Constants.OPERATION, "capa", Map.class);
        assertThat(capabilities.containsKey("UIDL")).isTrue();
        Map<String, Object> first = Map.of(Pop3Constants.OPERATION, "top", Pop3Constants.MESSAGE_NUMBER, 1);
        assertThat(template.requestBodyAndHeaders(uri, null, first, String.class)).contains("Subject: first");
        Map<String, Object> retr = Map.of(Pop3Constants.OPERATION, "retr", Pop3Constants.MESSAGE_NUMBER, 2);
        assertThat(template.requestBodyAndHeaders(uri, null, retr, String.class)).contains("two");
        Map<String, Object> dele = Map.of(Pop3Constants.OPERATION, "dele", Pop3Constants.MESSAGE_NUMBER, 3);
        assertThat(template.requestBodyAndHeaders(uri, null, dele)).isEqualTo(3);
        assertThat(mailboxSize()).isEqualTo(2);
    }

    @Test
    void listGivesNumberAndSizeOfEveryMessage() {
        @SuppressWarnings("unchecked")
        List<Pop3ListEntry> entries = (List<Pop3ListEntry>) body("list", Map.of());
        assertThat(entries).extracting(Pop3ListEntry::number).containsExactly(1, 2, 3);
        assertThat(entries).allSatisfy(e -> assertThat(e.size()).isPositive());
        Pop3Status status = (Pop3Status) body("stat", Map.of());
        assertThat(entries.stream().mapToLong(Pop3ListEntry::size).sum()).isEqualTo(status.octets());
    }

    @Test
    void listWithAMessageNumberGivesThatEntryOnly() {
        Object entry = body("list", Map.of(Pop3Constants.MESSAGE_NUMBER, 2));
        assertThat(entry).isInstanceOf(Pop3ListEntry.class);
        assertThat(((Pop3ListEntry) entry).number()).isEqualTo(2);
    }

    @Test
    void uidlMapsNumbersToUniqueIdsAndSelectsOne() {
        @SuppressWarnings("unchecked")
        Map<Integer, String> uids = (Map<Integer, String>) body("uidl", Map.of());
        assertThat(uids).containsOnlyKeys(1, 2, 3);
        assertThat(uids.values()).doesNotHaveDuplicates();
        assertThat(body("uidl", Map.of(Pop3Constants.MESSAGE_NUMBER, 3))).isEqualTo(uids.get(3));
    }

    @Test
    void retrMapsTheMessageAndSetsNumberUidAndSize() {
        Exchange exchange = send("retr", Map.of(Pop3Constants.MESSAGE_NUMBER, 2));
        assertThat(exchange.getMessage().getHeader("Subject")).isEqualTo("second");
        assertThat(exchange.getMessage().getBody(String.class)).contains("two");
        assertThat(exchange.getMessage().getHeader(Pop3Constants.MESSAGE_NUMBER)).isEqualTo(2);
        assertThat(exchange.getMessage().getHeader(Pop3Constants.UID, String.class)).isNotBlank();
        assertThat(exchange.getMessage().getHeader(Pop3Constants.SIZE, Long.class)).isPositive();
        assertThat(mailboxSize()).as("retr deletes nothing").isEqualTo(3);
    }

    @Test
    void retrByUniqueIdWinsOverTheNumber() {
        @SuppressWarnings("unchecked")
        Map<Integer, String> uids = (Map<Integer, String>) body("uidl", Map.of());
        Exchange exchange = send("retr", Map.of(Pop3Constants.UID, uids.get(3), Pop3Constants.MESSAGE_NUMBER, 1));
        assertThat(exchange.getMessage().getHeader("Subject")).isEqualTo("third");
        assertThat(exchange.getMessage().getHeader(Pop3Constants.MESSAGE_NUMBER)).isEqualTo(3);
    }

    @Test
    void retrRawGivesTheRfc822StreamSpooledToAFileThatGoesWithTheStream(@TempDir Path spool) throws Exception {
        Exchange exchange = template.request(uri("operation=retr&mapMailMessage=false&spoolDirectory=" + spool),
                e -> e.getIn().setHeader(Pop3Constants.MESSAGE_NUMBER, 1));
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader("Subject")).as("mail headers are mapped in raw mode too").isEqualTo("first");
        Object body = exchange.getMessage().getBody();
        assertThat(body).isInstanceOf(InputStream.class);
        assertThat(filesIn(spool)).hasSize(1);
        String raw;
        try (InputStream in = (InputStream) body) {
            raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(raw).contains("Subject: first").contains("line three");
        assertThat(exchange.getMessage().getHeader(Pop3Constants.SIZE, Long.class)).isEqualTo(raw.length());
        assertThat(filesIn(spool)).isEmpty();
    }

    @Test
    void retrMappedLeavesNoSpoolFileBehind(@TempDir Path spool) throws Exception {
        Exchange exchange = send("retr&spoolDirectory=" + spool, Map.of(Pop3Constants.MESSAGE_NUMBER, 1));
        assertThat(exchange.getMessage().getBody(String.class)).contains("line three");
        assertThat(filesIn(spool)).isEmpty();
    }

    static List<Path> filesIn(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void deleRemovesTheMessageWhenTheExchangeSessionQuits() {
        assertThat(body("dele", Map.of(Pop3Constants.MESSAGE_NUMBER, 1))).isEqualTo(1);
        assertThat(mailboxSize()).isEqualTo(2);
        @SuppressWarnings("unchecked")
        List<Pop3ListEntry> entries = (List<Pop3ListEntry>) body("list", Map.of());
        assertThat(entries).hasSize(2);
        assertThat(send("retr", Map.of(Pop3Constants.MESSAGE_NUMBER, 1)).getMessage().getHeader("Subject"))
                .isEqualTo("second");
    }

    @Test
    void deleByUniqueId() {
        @SuppressWarnings("unchecked")
        Map<Integer, String> uids = (Map<Integer, String>) body("uidl", Map.of());
        send("dele", Map.of(Pop3Constants.UID, uids.get(2)));
        @SuppressWarnings("unchecked")
        Map<Integer, String> left = (Map<Integer, String>) body("uidl", Map.of());
        assertThat(left.values()).containsExactly(uids.get(1), uids.get(3));
    }

    @Test
    void topGivesTheHeadersAndTheFirstLines() {
        Exchange none = send("top", Map.of(Pop3Constants.MESSAGE_NUMBER, 1));
        String headersOnly = none.getMessage().getBody(String.class);
        assertThat(headersOnly).contains("Subject: first").doesNotContain("line two");
        Exchange two = send("top", Map.of(Pop3Constants.MESSAGE_NUMBER, 1, Pop3Constants.TOP_LINES, 2));
        assertThat(two.getMessage().getBody(String.class)).contains("one").contains("line two").doesNotContain("line three");
        assertThat(two.getMessage().getHeader(Pop3Constants.TOP_LINES)).isEqualTo(2);
    }

    @Test
    void noopAndCapa() {
        assertThat(body("noop", Map.of())).isEqualTo(Boolean.TRUE);
        @SuppressWarnings("unchecked")
        Map<String, String> capabilities = (Map<String, String>) body("capa", Map.of());
        assertThat(capabilities).containsKey("UIDL");
    }

    @Test
    void theOperationHeaderOverridesTheOption() {
        Object body = template.requestBodyAndHeader(uri("operation=noop"), null, Pop3Constants.OPERATION, "stat");
        assertThat(body).isInstanceOf(Pop3Status.class);
    }

    @Test
    void anUnknownOrMissingOperationFailsClearly() {
        assertThatThrownBy(() -> template.requestBodyAndHeader(uri("operation=stat"), null, Pop3Constants.OPERATION, "rset"))
                .hasRootCauseInstanceOf(IllegalArgumentException.class).hasStackTraceContaining("Unknown POP3 operation 'rset'");
        assertThatThrownBy(() -> template.requestBody(uri(""), (Object) null))
                .hasStackTraceContaining("set the operation option or the header CamelPop3Operation");
    }

    @Test
    void operationsOnOneMessageNeedOneThatExists() {
        assertThatThrownBy(() -> send("retr", Map.of())).hasStackTraceContaining(Pop3Constants.MESSAGE_NUMBER);
        assertThatThrownBy(() -> send("dele", Map.of(Pop3Constants.MESSAGE_NUMBER, 9)))
                .hasRootCauseInstanceOf(Pop3NoSuchMessageException.class).hasStackTraceContaining("holds 3 messages");
        assertThatThrownBy(() -> send("retr", Map.of(Pop3Constants.UID, "no-such-uid")))
                .hasRootCauseInstanceOf(Pop3NoSuchMessageException.class).hasStackTraceContaining("no-such-uid");
        assertThat(mailboxSize()).isEqualTo(3);
    }

    @Test
    void everyExchangeEndsItsSession() {
        for (int i = 0; i < 5; i++) {
            body("stat", Map.of());
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> server.connectionCount("pop3") == 0);
    }
}
