package io.netproto.camel.imap;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netproto.camel.support.ProtocolReplyException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImapProducerTest extends ImapTestSupport {

    @Test
    void selectReportsTheMailboxStatus() {
        deliver("one", "first");
        deliver("two", "second");
        ImapMailboxStatus status = (ImapMailboxStatus) ok(ImapOperation.select);
        assertThat(status.mailbox()).isEqualTo("INBOX");
        assertThat(status.exists()).isEqualTo(2);
        assertThat(status.unseen()).isEqualTo(2);
        assertThat(status.uidValidity()).isPositive();
        assertThat(status.uidNext()).isGreaterThan(2);
        assertThat(status.flags()).contains("\\Seen", "\\Deleted");
        assertThat(status.readOnly()).isFalse();

        Exchange readOnly = call(ImapOperation.select, null, ImapConstants.READ_ONLY, true);
        assertThat(readOnly.getMessage().getBody(ImapMailboxStatus.class).readOnly()).isTrue();
        assertThat(readOnly.getMessage().getHeader(ImapConstants.UID_VALIDITY)).isEqualTo(status.uidValidity());
    }

    @Test
    void searchReturnsTheUidsMatchingCriteria() {
        deliver("bob@example.org", "from bob", "hi");
        deliver("carol@example.org", "from carol", "hello");
        deliver("bob@example.org", "bob again", "hey");
        List<Long> all = search("INBOX", "ALL");
        assertThat(all).hasSize(3);
        // GreenMail compares FROM with the whole address (RFC 3501 asks for a substring match)
        assertThat(search("INBOX", "FROM \"bob@example.org\"")).containsExactly(all.get(0), all.get(2));
        assertThat(search("INBOX", "UNSEEN FROM \"carol@example.org\"")).containsExactly(all.get(1));
        assertThat(search("INBOX", "SUBJECT \"again\"")).containsExactly(all.get(2));
        // the criteria option is the default
        assertThat((List<?>) ok(ImapOperation.search)).hasSize(3);
        Exchange charset = call(ImapOperation.search, null, ImapConstants.CRITERIA, "FROM \"carol@example.org\"", ImapConstants.CHARSET, "UTF-8");
        assertThat(charset.getException()).isNull();
        assertThat(uidList(charset.getMessage().getBody())).containsExactly(all.get(1));
    }

    @Test
    void badSearchCriteriaFailWithTheServersAnswer() {
        deliver("one", "first");
        Exchange bad = call(ImapOperation.search, null, ImapConstants.CRITERIA, "NONSENSE \"x\"");
        assertThat(bad.getException()).isInstanceOf(ImapReplyException.class).hasMessageContaining("UID SEARCH")
                .hasMessageContaining("NONSENSE");
        assertThat(((ProtocolReplyException) bad.getException()).isTransient()).isFalse();
        // the session stays usable
        assertThat(search("INBOX", "ALL")).hasSize(1);
    }

    @Test
    void lineBreaksInCriteriaOrMailboxNamesAreRefused() {
        Exchange crlf = call(ImapOperation.search, null, ImapConstants.CRITERIA, "ALL\r\nA1 DELETE INBOX");
        assertThat(crlf.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CR, LF");
        Exchange mailbox = call(ImapOperation.create, null, ImapConstants.MAILBOX, "Evil\r\nA1 LOGOUT");
        assertThat(mailbox.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CR, LF");
        Exchange destination = call(ImapOperation.copy, null, ImapConstants.UID, "1", ImapConstants.DESTINATION, "X\nY");
        assertThat(destination.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CR, LF");
        Exchange quote = call(ImapOperation.search, null, ImapConstants.CRITERIA, "FROM \"bob");
        assertThat(quote.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quoted");
        Exchange literal = call(ImapOperation.search, null, ImapConstants.CRITERIA, "FROM {3}");
        assertThat(literal.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("literal");
        Exchange uids = call(ImapOperation.fetch, null, ImapConstants.UID, "1 OR 2");
        assertThat(uids.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UID set");
        assertThat(server.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void fetchReturnsTypedPartsWithoutMarkingSeen() {
        deliver("carol@example.org", "Report", "the body text");
        long uid = search("INBOX", "ALL").get(0);
        @SuppressWarnings("unchecked")
        List<ImapFetchResult> results = (List<ImapFetchResult>) ok(ImapOperation.fetch, ImapConstants.UID, uid,
                ImapConstants.FETCH_PARTS, "(FLAGS ENVELOPE BODYSTRUCTURE RFC822.SIZE BODY[HEADER] BODY[TEXT])");
        assertThat(results).hasSize(1);
        ImapFetchResult result = results.get(0);
        assertThat(result.uid()).isEqualTo(uid);
        assertThat(result.flags()).doesNotContain("\\Seen");
        assertThat(result.envelope().subject()).isEqualTo("Report");
        assertThat(result.envelope().from()).containsExactly("carol@example.org");
        assertThat(result.envelope().to()).containsExactly(EMAIL);
        assertThat(result.bodyStructure().contentType()).isEqualTo("text/plain");
        assertThat(result.size()).isPositive();
        assertThat(result.header()).contains("Subject: Report");
        assertThat(new String(result.text(), StandardCharsets.UTF_8)).contains("the body text");
        assertThat(search("INBOX", "UNSEEN")).containsExactly(uid);
    }

    @Test
    void fetchOfSeveralUidsReturnsOneResultEach() {
        deliver("a", "1");
        deliver("b", "2");
        deliver("c", "3");
        List<Long> uids = search("INBOX", "ALL");
        List<?> results = (List<?>) ok(ImapOperation.fetch, ImapConstants.UID, List.of(uids.get(0), uids.get(2)),
                ImapConstants.FETCH_PARTS, "ENVELOPE");
        assertThat(results).extracting(r -> ((ImapFetchResult) r).envelope().subject()).containsExactly("a", "c");
        List<?> range = (List<?>) ok(ImapOperation.fetch, ImapConstants.UID, uids.get(0) + ":*");
        assertThat(range).hasSize(3);
    }

    @Test
    void fetchOfRfc822MapsTheMessageOntoTheExchange() {
        deliver("carol@example.org", "Whole", "whole message text");
        long uid = search("INBOX", "ALL").get(0);
        Exchange exchange = call(ImapOperation.fetch, null, ImapConstants.UID, uid, ImapConstants.FETCH_PARTS, "RFC822");
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).contains("whole message text");
        assertThat(exchange.getMessage().getHeader("Subject")).isEqualTo("Whole");
        assertThat(exchange.getMessage().getHeader(ImapConstants.UID)).isEqualTo(uid);
        assertThat(search("INBOX", "UNSEEN")).containsExactly(uid);
        Exchange two = call(ImapOperation.fetch, null, ImapConstants.UID, "1:2", ImapConstants.FETCH_PARTS, "RFC822");
        assertThat(two.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one UID");
    }

    @Test
    void storeAddsRemovesAndReplacesFlagsAndKeywords() {
        deliver("one", "1");
        long uid = search("INBOX", "ALL").get(0);
        List<ImapFetchResult> added = flags(ok(ImapOperation.store, ImapConstants.UID, uid, ImapConstants.FLAGS,
                "\\Flagged \\Seen $Label1"));
        assertThat(added.get(0).flags()).contains("\\Flagged", "\\Seen", "$Label1");
        assertThat(search("INBOX", "KEYWORD $Label1")).containsExactly(uid);
        List<ImapFetchResult> removed = flags(ok(ImapOperation.store, ImapConstants.UID, uid, ImapConstants.FLAGS, "\\Seen",
                ImapConstants.STORE_MODE, "remove"));
        assertThat(removed.get(0).flags()).contains("\\Flagged").doesNotContain("\\Seen");
        List<ImapFetchResult> replaced = flags(ok(ImapOperation.store, ImapConstants.UID, uid, ImapConstants.FLAGS,
                "\\Answered", ImapConstants.STORE_MODE, ImapStoreMode.replace));
        // GreenMail's FLAGS replaces the system flags and keeps keywords (RFC 3501 replaces both)
        assertThat(replaced.get(0).flags()).contains("\\Answered").doesNotContain("\\Flagged", "\\Seen");
        Exchange bad = call(ImapOperation.store, null, ImapConstants.UID, uid, ImapConstants.FLAGS, "(\\Seen) x)");
        assertThat(bad.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flag");
    }

    @SuppressWarnings("unchecked")
    private static List<Long> uidList(Object body) {
        return (List<Long>) body;
    }

    @SuppressWarnings("unchecked")
    private static List<ImapFetchResult> flags(Object body) {
        return (List<ImapFetchResult>) body;
    }

    @Test
    void copyLeavesTheOriginalAndMoveDoesNot() {
        deliver("keep", "1");
        deliver("go", "2");
        ok(ImapOperation.create, ImapConstants.MAILBOX, "Archive");
        List<Long> uids = search("INBOX", "ALL");
        ImapCopyResult copied = (ImapCopyResult) ok(ImapOperation.copy, ImapConstants.UID, uids.get(0),
                ImapConstants.DESTINATION, "Archive");
        assertThat(copied.destination()).isEqualTo("Archive");
        assertThat(copied.sourceUids()).containsExactly(uids.get(0));
        assertThat(search("INBOX", "ALL")).hasSize(2);
        assertThat(search("Archive", "ALL")).hasSize(1);
        if (!copied.destinationUids().isEmpty()) {
            assertThat(search("Archive", "ALL")).containsExactlyElementsOf(copied.destinationUids());
        }

        ImapCopyResult moved = (ImapCopyResult) ok(ImapOperation.move, ImapConstants.UID, uids.get(1),
                ImapConstants.DESTINATION, "Archive");
        assertThat(moved.sourceUids()).containsExactly(uids.get(1));
        assertThat(search("INBOX", "ALL")).containsExactly(uids.get(0));
        assertThat(search("Archive", "SUBJECT \"go\"")).hasSize(1);
        Exchange missing = call(ImapOperation.copy, null, ImapConstants.UID, uids.get(0), ImapConstants.DESTINATION, "Nowhere");
        assertThat(missing.getException()).isInstanceOf(ImapReplyException.class);
    }

    @Test
    void withoutMoveTheServerGetsCopyDeletedAndUidExpungeOfExactlyThoseUids() {
        deliver("go", "1");
        deliver("stay", "2");
        deliver("someone else's", "3");
        ok(ImapOperation.create, ImapConstants.MAILBOX, "Archive");
        List<Long> uids = search("INBOX", "ALL");
        // another client flagged a message \Deleted: moving must not expunge it
        ok(ImapOperation.store, ImapConstants.UID, uids.get(2), ImapConstants.FLAGS, "\\Deleted");
        ImapEndpoint endpoint = context.getEndpoint(uri(""), ImapEndpoint.class);
        try (ImapClient client = endpoint.openClient()) {
            client.open("INBOX", false);
            ImapCopyResult moved = client.moveByCopy(Long.toString(uids.get(0)), "Archive");
            assertThat(moved.sourceUids()).containsExactly(uids.get(0));
        }
        assertThat(search("INBOX", "ALL")).containsExactly(uids.get(1), uids.get(2));
        assertThat(search("Archive", "SUBJECT \"go\"")).hasSize(1);
    }

    @Test
    void expungeRemovesOnlyTheGivenUidsUnlessAskedForAll() {
        deliver("mine", "1");
        deliver("theirs", "2");
        deliver("kept", "3");
        List<Long> uids = search("INBOX", "ALL");
        ok(ImapOperation.store, ImapConstants.UID, uids.get(0) + "," + uids.get(1), ImapConstants.FLAGS, "\\Deleted");
        // uids.get(2) is not \Deleted: asking for it expunges nothing
        assertThat(uidList(ok(ImapOperation.expunge, ImapConstants.UID, uids.get(0) + "," + uids.get(2))))
                .containsExactly(uids.get(0));
        assertThat(search("INBOX", "ALL")).containsExactly(uids.get(1), uids.get(2));
        Exchange both = call(ImapOperation.expunge, null, ImapConstants.UID, uids.get(1), ImapConstants.EXPUNGE_ALL, true);
        assertThat(both.getException()).isInstanceOf(IllegalArgumentException.class);
        Exchange none = call(ImapOperation.expunge, null);
        assertThat(none.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ImapConstants.UID);
        assertThat(uidList(ok(ImapOperation.expunge, ImapConstants.EXPUNGE_ALL, true))).containsExactly(uids.get(1));
        assertThat(search("INBOX", "ALL")).containsExactly(uids.get(2));
    }

    @Test
    void appendUploadsARawMessageWithFlags() {
        ok(ImapOperation.create, ImapConstants.MAILBOX, "Drafts");
        String raw = "From: alice@example.org\r\nTo: bob@example.org\r\nSubject: Draft one\r\n\r\nunfinished\r\n";
        Exchange exchange = call(ImapOperation.append, raw, ImapConstants.MAILBOX, "Drafts", ImapConstants.FLAGS, "\\Draft \\Seen");
        assertThat(exchange.getException()).isNull();
        List<Long> drafts = search("Drafts", "DRAFT SEEN SUBJECT \"Draft one\"");
        assertThat(drafts).hasSize(1);
        Object uid = exchange.getMessage().getHeader(ImapConstants.UID);
        if (uid != null) {
            assertThat(drafts).containsExactly((Long) uid);
        }
        Exchange inbox = call(ImapOperation.append, ImapTestSupport.message("bob@example.org", "Appended", "text"));
        assertThat(inbox.getException()).isNull();
        assertThat(search("INBOX", "SUBJECT \"Appended\"")).hasSize(1);
    }

    @Test
    void listCreateAndDeleteManageMailboxes() {
        ok(ImapOperation.create, ImapConstants.MAILBOX, "Projects");
        @SuppressWarnings("unchecked")
        List<ImapMailbox> all = (List<ImapMailbox>) ok(ImapOperation.list);
        assertThat(all).extracting(ImapMailbox::name).contains("INBOX", "Projects");
        @SuppressWarnings("unchecked")
        List<ImapMailbox> some = (List<ImapMailbox>) ok(ImapOperation.list, ImapConstants.PATTERN, "Proj*");
        assertThat(some).extracting(ImapMailbox::name).containsExactly("Projects");
        Exchange again = call(ImapOperation.create, null, ImapConstants.MAILBOX, "Projects");
        assertThat(again.getException()).isInstanceOf(ImapReplyException.class).hasMessageContaining("exists");
        ok(ImapOperation.delete, ImapConstants.MAILBOX, "Projects");
        @SuppressWarnings("unchecked")
        List<ImapMailbox> after = (List<ImapMailbox>) ok(ImapOperation.list);
        assertThat(after).extracting(ImapMailbox::name).doesNotContain("Projects");
        Exchange gone = call(ImapOperation.delete, null, ImapConstants.MAILBOX, "Projects");
        assertThat(gone.getException()).isInstanceOf(ImapReplyException.class);
        Exchange noName = call(ImapOperation.delete, null);
        assertThat(noName.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ImapConstants.MAILBOX);
    }

    @Test
    void noopAnswersAndSessionsAreReused() {
        assertThat(ok(ImapOperation.noop)).isEqualTo(Boolean.TRUE);
        assertThat(ok(ImapOperation.noop)).isEqualTo(Boolean.TRUE);
        search("INBOX", "ALL");
        assertThat(server.connectionCount("imap")).isEqualTo(1);
    }

    @Test
    void aDroppedSessionIsReplaced() {
        assertThat(ok(ImapOperation.noop)).isEqualTo(Boolean.TRUE);
        server.closeAllConnections();
        deliver("after", "drop");
        // a read-only command that finds the pooled session dead runs again on a new one
        Exchange first = call(ImapOperation.search, null, ImapConstants.CRITERIA, "ALL");
        assertThat(first.getException()).isNull();
        assertThat((List<?>) first.getMessage().getBody(List.class)).hasSize(1);
        assertThat(search("INBOX", "ALL")).hasSize(1);
    }

    @Test
    void anUnknownOrMissingOperationFailsClearly() {
        Exchange unknown = template.send(uri(""), e -> e.getIn().setHeader(ImapConstants.OPERATION, "logout"));
        assertThat(unknown.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("logout");
        Exchange missing = template.send(uri(""), e -> e.getIn().setBody("x"));
        assertThat(missing.getException()).hasMessageContaining(ImapConstants.OPERATION);
    }

    @Test
    void wrongPasswordFailsNamingTheUser() {
        Exchange exchange = template.send(uri("imap", "").replace(PASSWORD, "wrong") + "&operation=noop", e -> { });
        assertThat(exchange.getException()).isInstanceOf(ImapReplyException.class).hasMessageContaining("LOGIN as alice")
                .hasMessageNotContaining("wrong");
    }

    @Test
    void imapsWorksOverTls() {
        deliver("secure", "over TLS");
        Exchange exchange = template.send(uri("imaps", "operation=search&criteria=SUBJECT \"secure\""), e -> { });
        assertThat(exchange.getException()).isNull();
        assertThat(uidList(exchange.getMessage().getBody())).hasSize(1);
        Exchange status = template.send(uri("netimaps", "operation=select"), e -> { });
        assertThat(status.getMessage().getBody(ImapMailboxStatus.class).exists()).isEqualTo(1);
    }
}
