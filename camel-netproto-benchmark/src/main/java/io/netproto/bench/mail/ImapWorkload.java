package io.netproto.bench.mail;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import io.netproto.bench.Contender;
import io.netproto.bench.Measurement;
import io.netproto.bench.Role;
import io.netproto.bench.Scale;
import io.netproto.bench.Workload;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * IMAP: the unseen messages of a full INBOX consumed and flagged \Seen. netimap and camel-mail as consumers (their
 * defaults: unseen messages, marked seen; initialDelay=0, delay=500 ms); a bare Angus Mail loop fetching every message
 * in one bulk FETCH (envelope, flags and whole message) and flagging them all in one STORE. GreenMail's FETCH costs
 * O(mailbox) per command, so the mailbox holds a quarter of the items of the other workloads (at least 20). Done when
 * the server shows no unseen message.
 */
final class ImapWorkload implements Workload {

    private static final String POLLING = "&initialDelay=0&delay=500";

    private final int count;
    private MailFixture mail;

    ImapWorkload(Scale scale) {
        this.count = Math.max(Math.min(20, scale.items()), scale.items() / 4);
    }

    @Override
    public String id() {
        return "imap";
    }

    @Override
    public String title() {
        return String.format("IMAP: %,d messages consumed, marked seen (items/4: GreenMail's FETCH is O(mailbox))", count);
    }

    @Override
    public String unit() {
        return "msgs/s";
    }

    @Override
    public void start() {
        mail = MailFixture.start();
    }

    @Override
    public List<Contender> contenders() {
        return List.of(
                new MailContender("netimap", Role.NETPROTO, this::fill, this::netimap),
                new MailContender("camel-mail imap", Role.CAMEL, this::fill, this::camelMail),
                new MailContender("Angus bulk FETCH + STORE", Role.BARE, this::fill, this::bare));
    }

    private void fill() throws Exception {
        mail.fill("imap", count);
    }

    private Measurement netimap() throws Exception {
        return ConsumerRun.time(new DefaultCamelContext(), "netimap://" + MailFixture.LOGIN + "@" + mail.host() + ":"
                                                            + mail.server().imapPort() + "?password=" + MailFixture.PASSWORD
                                                            + "&startTls=disabled" + POLLING,
                count, this::allSeen);
    }

    private Measurement camelMail() throws Exception {
        CamelContext context = new DefaultCamelContext();
        CamelMailComponent.register(context, "imap");
        return ConsumerRun.time(context, "imap://" + mail.host() + ":" + mail.server().imapPort() + "?username="
                                         + MailFixture.LOGIN + "&password=" + MailFixture.PASSWORD + POLLING,
                count, this::allSeen);
    }

    private boolean allSeen() throws Exception {
        return mail.inboxUnseen() == 0;
    }

    private Measurement bare() throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.peek", "true");
        Session session = Session.getInstance(props);
        Set<String> subjects = new HashSet<>();
        long start = System.nanoTime();
        try (Store store = session.getStore("imap")) {
            store.connect(mail.host(), mail.server().imapPort(), MailFixture.LOGIN, MailFixture.PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] messages = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
            inbox.fetch(messages, profile);
            for (Message message : messages) {
                subjects.add(message.getSubject());
                read(message);
            }
            inbox.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
            inbox.close(false);
        }
        long nanos = System.nanoTime() - start;
        if (subjects.size() != count || !allSeen()) {
            throw new IllegalStateException(subjects.size() + " of " + count + " messages read, " + mail.inboxUnseen()
                                            + " left unseen");
        }
        return Measurement.rate(count, nanos);
    }

    private static void read(Message message) throws IOException, MessagingException {
        Object content = message.getContent();
        if (!(content instanceof String text) || !text.contains(MailFixture.TEXT.trim())) {
            throw new IllegalStateException("Message " + message.getMessageNumber() + " lost its text");
        }
    }

    @Override
    public void close() {
        if (mail != null) {
            mail.close();
        }
    }
}
