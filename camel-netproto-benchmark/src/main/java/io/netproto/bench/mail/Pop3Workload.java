package io.netproto.bench.mail;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import io.netproto.bench.Contender;
import io.netproto.bench.Measurement;
import io.netproto.bench.Role;
import io.netproto.bench.Scale;
import io.netproto.bench.Workload;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * POP3: a full mailbox consumed, each message read whole and deleted. netpop3 and camel-mail as consumers
 * (delete=true, initialDelay=0, delay=500 ms: one poll takes the whole mailbox); a bare Angus Mail loop (open the
 * INBOX, read each message, flag it deleted, close with expunge). Done when the server's mailbox is empty.
 */
final class Pop3Workload implements Workload {

    private static final String POLLING = "&initialDelay=0&delay=500";

    private final int count;
    private MailFixture mail;

    Pop3Workload(Scale scale) {
        this.count = scale.items();
    }

    @Override
    public String id() {
        return "pop3";
    }

    @Override
    public String title() {
        return String.format("POP3: %,d messages consumed with delete", count);
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
                new MailContender("netpop3", Role.NETPROTO, this::fill, this::netpop3),
                new MailContender("camel-mail pop3", Role.CAMEL, this::fill, this::camelMail),
                new MailContender("Angus POP3 loop", Role.BARE, this::fill, this::bare));
    }

    private void fill() throws Exception {
        mail.fill("pop3", count);
    }

    private Measurement netpop3() throws Exception {
        return ConsumerRun.time(new DefaultCamelContext(), "netpop3://" + MailFixture.LOGIN + "@" + mail.host() + ":"
                                                            + mail.server().pop3Port() + "?password=" + MailFixture.PASSWORD
                                                            + "&startTls=disabled" + POLLING,
                count, this::empty);
    }

    private Measurement camelMail() throws Exception {
        CamelContext context = new DefaultCamelContext();
        CamelMailComponent.register(context, "pop3");
        return ConsumerRun.time(context, "pop3://" + mail.host() + ":" + mail.server().pop3Port() + "?username="
                                         + MailFixture.LOGIN + "&password=" + MailFixture.PASSWORD + "&delete=true"
                                         + POLLING,
                count, this::empty);
    }

    private boolean empty() throws Exception {
        return mail.inboxCount() == 0;
    }

    private Measurement bare() throws Exception {
        Session session = Session.getInstance(new Properties());
        Set<String> subjects = new HashSet<>();
        byte[] buffer = new byte[8192];
        long start = System.nanoTime();
        try (Store store = session.getStore("pop3")) {
            store.connect(mail.host(), mail.server().pop3Port(), MailFixture.LOGIN, MailFixture.PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message message : inbox.getMessages()) {
                subjects.add(message.getSubject());
                try (InputStream in = message.getInputStream()) {
                    while (in.read(buffer) >= 0) {
                        // read the body whole, as a route would
                    }
                }
                message.setFlag(Flags.Flag.DELETED, true);
            }
            inbox.close(true);
        }
        long nanos = System.nanoTime() - start;
        if (subjects.size() != count || !empty()) {
            throw new IllegalStateException(subjects.size() + " of " + count + " messages read, " + mail.inboxCount()
                                            + " left in the mailbox");
        }
        return Measurement.rate(count, nanos);
    }

    @Override
    public void close() {
        if (mail != null) {
            mail.close();
        }
    }
}
