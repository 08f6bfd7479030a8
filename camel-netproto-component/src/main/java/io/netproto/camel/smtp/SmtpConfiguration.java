package io.netproto.camel.smtp;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Set;

import io.netproto.camel.mail.MailAddressing;
import io.netproto.camel.mail.MailBindingOptions;
import io.netproto.camel.mail.MailHeaderFilterStrategy;
import io.netproto.camel.mail.MailSessions;
import io.netproto.camel.support.NetConfiguration;
import io.netproto.camel.support.ProtocolArguments;
import io.netproto.camel.support.SizeLimits;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.ParseException;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options of an smtp, smtps, netsmtp or netsmtps endpoint. */
@UriParams
public class SmtpConfiguration extends NetConfiguration implements Cloneable {

    private static final Set<String> NOTIFY = Set.of("SUCCESS", "FAILURE", "DELAY");

    @UriParam(label = "security", enums = "disabled,optional,required")
    private MailSessions.StartTls startTls;

    @UriParam(label = "producer", defaultValue = "sendmail")
    private SmtpOperation operation = SmtpOperation.sendmail;
    @UriParam(label = "producer", defaultValue = "camel@localhost")
    private String from = "camel@localhost";
    @UriParam(label = "producer")
    private String to;
    @UriParam(label = "producer")
    private String cc;
    @UriParam(label = "producer")
    private String bcc;
    @UriParam(label = "producer")
    private String replyTo;
    @UriParam(label = "producer")
    private String subject;
    @UriParam(label = "producer", defaultValue = "text/plain")
    private String contentType = "text/plain";
    @UriParam(label = "producer", defaultValue = "UTF-8")
    private String charset = "UTF-8";
    @UriParam(label = "producer,security", defaultValue = "false")
    private boolean useHeaderRecipients;
    @UriParam(label = "producer,security", defaultValue = "false")
    private boolean useHeaderFrom;
    @UriParam(label = "producer,security", defaultValue = "false")
    private boolean useHeaderReplyTo;
    @UriParam(label = "producer,security", defaultValue = "false")
    private boolean useHeaderSubject;
    @UriParam(label = "producer,advanced")
    private String envelopeFrom;
    @UriParam(label = "producer,advanced")
    private String dsnNotify;
    @UriParam(label = "producer,advanced", enums = "FULL,HDRS")
    private String dsnRet;
    @UriParam(label = "producer,advanced")
    private String mailExtension;
    @UriParam(label = "producer,advanced", defaultValue = "false")
    private boolean sendPartial;
    @UriParam(label = "producer,advanced")
    private String heloName;
    @UriParam(label = "producer,advanced", defaultValue = "4")
    private int maxIdleSessions = 4;
    @UriParam(label = "filter,advanced")
    private HeaderFilterStrategy headerFilterStrategy = new MailHeaderFilterStrategy();
    @UriParam(label = "producer", defaultValue = "0")
    private long maxMessageSize;

    /** A copy, so an endpoint's changes never leak into another's. */
    public SmtpConfiguration copy() {
        try {
            return (SmtpConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void validate() {
        super.validate();
        if (getUsername() != null && getPassword() == null) {
            throw new IllegalArgumentException("Option password is required when username is set");
        }
        addresses("from", from);
        addresses("to", to);
        addresses("cc", cc);
        addresses("bcc", bcc);
        addresses("replyTo", replyTo);
        addresses("envelopeFrom", envelopeFrom);
        ProtocolArguments.requireSingleLine("subject option", subject);
        ProtocolArguments.requireSingleLine("mailExtension option", mailExtension);
        ProtocolArguments.requireSingleLine("heloName option", heloName);
        if (heloName != null && (heloName.isBlank() || heloName.contains(" "))) {
            throw new IllegalArgumentException("Option heloName must be a host name without spaces, was '" + heloName + "'");
        }
        try {
            ProtocolArguments.requireSingleLine("contentType option", contentType);
            new ContentType(contentType);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Option contentType is not a MIME type: " + contentType, e);
        }
        if (charset == null || !Charset.isSupported(charset)) {
            throw new IllegalArgumentException("Option charset names an unsupported charset: " + charset);
        }
        notifyOptions(dsnNotify);
        if (dsnRet != null && !dsnRet.equals("FULL") && !dsnRet.equals("HDRS")) {
            throw new IllegalArgumentException("Option dsnRet must be FULL or HDRS, was " + dsnRet);
        }
        if (maxIdleSessions < 1) {
            throw new IllegalArgumentException("Option maxIdleSessions must be 1 or more, was " + maxIdleSessions);
        }
        if (headerFilterStrategy == null) {
            throw new IllegalArgumentException("Option headerFilterStrategy must not be null");
        }
        SizeLimits.validate("maxMessageSize", maxMessageSize);
    }

    /**
     * Checks a DSN NOTIFY value: {@code NEVER}, or a comma-separated list of {@code SUCCESS}, {@code FAILURE} and
     * {@code DELAY}.
     *
     * @return the upper-case value, or {@code null}
     */
    static String notifyOptions(String value) {
        if (value == null) {
            return null;
        }
        ProtocolArguments.requireSingleLine("DSN NOTIFY (option dsnNotify or header CamelSmtpDsnNotify)", value);
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("NEVER")) {
            return upper;
        }
        for (String part : upper.split(",")) {
            if (!NOTIFY.contains(part.trim())) {
                throw new IllegalArgumentException(
                        "DSN NOTIFY (option or header dsnNotify) must be NEVER or a list of SUCCESS, FAILURE, DELAY, was " + value);
            }
        }
        return upper.replace(" ", "");
    }

    private static void addresses(String option, String value) {
        if (value == null) {
            return;
        }
        ProtocolArguments.requireSingleLine(option + " option", value);
        try {
            InternetAddress.parse(value, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("Option " + option + " is not a valid address list: " + e.getMessage(), e);
        }
    }

    /** The endpoint's sender, recipients, reply address and subject, for the mail binding. */
    MailAddressing addressing() {
        return new MailAddressing(from, to, cc, bcc, replyTo, subject);
    }

    /** The mail binding's options from this configuration. */
    MailBindingOptions bindingOptions() {
        return MailBindingOptions.defaults().withUseHeaderRecipients(useHeaderRecipients).withUseHeaderFrom(useHeaderFrom)
                .withUseHeaderReplyTo(useHeaderReplyTo).withUseHeaderSubject(useHeaderSubject).withDefaultCharset(charset)
                .withContentType(contentType).withHeaderFilterStrategy(headerFilterStrategy);
    }

    public MailSessions.StartTls getStartTls() {
        return startTls;
    }

    /**
     * STARTTLS on the plain schemes (smtp, netsmtp): disabled (never), optional (when the server offers it) or
     * required (fail before AUTH or any mail when the server does not offer it). Default: required when a username
     * is set, so credentials never travel in clear text; optional otherwise. Ignored on smtps and netsmtps, which
     * speak TLS from the first byte.
     */
    public void setStartTls(MailSessions.StartTls startTls) {
        this.startTls = startTls;
    }

    public SmtpOperation getOperation() {
        return operation;
    }

    /** The operation to perform; the header CamelSmtpOperation overrides it per message. */
    public void setOperation(SmtpOperation operation) {
        this.operation = operation;
    }

    public String getFrom() {
        return from;
    }

    /**
     * The sender (From), an RFC 822 address, optionally with a display name. Default camel@localhost, as camel-mail.
     * The header From replaces it only with useHeaderFrom=true.
     */
    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    /**
     * The To recipients, a comma-separated address list. The headers To, Cc and Bcc replace the configured
     * recipients only with useHeaderRecipients=true.
     */
    public void setTo(String to) {
        this.to = to;
    }

    public String getCc() {
        return cc;
    }

    /** The Cc recipients, a comma-separated address list. */
    public void setCc(String cc) {
        this.cc = cc;
    }

    public String getBcc() {
        return bcc;
    }

    /** The Bcc recipients, a comma-separated address list: they receive the mail but appear in no header. */
    public void setBcc(String bcc) {
        this.bcc = bcc;
    }

    public String getReplyTo() {
        return replyTo;
    }

    /**
     * The Reply-To addresses, a comma-separated address list. The header Reply-To replaces it only with
     * useHeaderReplyTo=true.
     */
    public void setReplyTo(String replyTo) {
        this.replyTo = replyTo;
    }

    public String getSubject() {
        return subject;
    }

    /**
     * The subject; non-ASCII text is encoded (RFC 2047). The header Subject replaces it only with
     * useHeaderSubject=true.
     */
    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getContentType() {
        return contentType;
    }

    /**
     * The MIME type of the body when the message has no Content-Type header, e.g. text/html. With the header
     * CamelMailAlternativeBody the mail becomes multipart/alternative: that plain text, then the body.
     */
    public void setContentType(String contentType) {
        this.contentType = contentType;
    }

    public String getCharset() {
        return charset;
    }

    /** The charset of text bodies and encoded headers when the Content-Type names none. */
    public void setCharset(String charset) {
        this.charset = charset;
    }

    public boolean isUseHeaderRecipients() {
        return useHeaderRecipients;
    }

    /**
     * Whether the headers To, Cc and Bcc, when present, replace the configured recipients. Off by default, so data
     * from an inbound message (HTTP, JMS, a received mail) cannot redirect outgoing mail; same option as camel-mail.
     */
    public void setUseHeaderRecipients(boolean useHeaderRecipients) {
        this.useHeaderRecipients = useHeaderRecipients;
    }

    public boolean isUseHeaderFrom() {
        return useHeaderFrom;
    }

    /**
     * Whether the headers From and Sender replace the configured sender. Off by default; same option as camel-mail.
     */
    public void setUseHeaderFrom(boolean useHeaderFrom) {
        this.useHeaderFrom = useHeaderFrom;
    }

    public boolean isUseHeaderReplyTo() {
        return useHeaderReplyTo;
    }

    /**
     * Whether the header Reply-To replaces the configured reply address. Off by default; same option as camel-mail.
     */
    public void setUseHeaderReplyTo(boolean useHeaderReplyTo) {
        this.useHeaderReplyTo = useHeaderReplyTo;
    }

    public boolean isUseHeaderSubject() {
        return useHeaderSubject;
    }

    /** Whether the header Subject replaces the configured subject. Off by default; same option as camel-mail. */
    public void setUseHeaderSubject(boolean useHeaderSubject) {
        this.useHeaderSubject = useHeaderSubject;
    }

    public String getEnvelopeFrom() {
        return envelopeFrom;
    }

    /** The address of the SMTP envelope (MAIL FROM), where bounces go; default: the From address. */
    public void setEnvelopeFrom(String envelopeFrom) {
        this.envelopeFrom = envelopeFrom;
    }

    public String getDsnNotify() {
        return dsnNotify;
    }

    /**
     * Delivery status notification request (RFC 3461, the RCPT option NOTIFY): NEVER, or a comma-separated list of
     * SUCCESS, FAILURE and DELAY. Sent only when the server advertises DSN. The header CamelSmtpDsnNotify overrides
     * it per message.
     */
    public void setDsnNotify(String dsnNotify) {
        this.dsnNotify = dsnNotify;
    }

    public String getDsnRet() {
        return dsnRet;
    }

    /**
     * How much of the message a delivery status notification returns (RFC 3461, the MAIL option RET): FULL or HDRS.
     * Sent only when the server advertises DSN. The header CamelSmtpDsnRet overrides it per message.
     */
    public void setDsnRet(String dsnRet) {
        this.dsnRet = dsnRet;
    }

    public String getMailExtension() {
        return mailExtension;
    }

    /** Further ESMTP parameters appended to the MAIL FROM command as they are, e.g. MT-PRIORITY=3. */
    public void setMailExtension(String mailExtension) {
        this.mailExtension = mailExtension;
    }

    public boolean isSendPartial() {
        return sendPartial;
    }

    /**
     * Whether to send the mail to the accepted recipients when the server refuses others. Off by default: any refused
     * recipient fails the exchange and nothing is sent. On: the exchange succeeds and CamelSmtpSendResult lists the
     * refused recipients (it fails only when every recipient is refused).
     */
    public void setSendPartial(boolean sendPartial) {
        this.sendPartial = sendPartial;
    }

    public String getHeloName() {
        return heloName;
    }

    /** The client name sent with EHLO/HELO and used in generated Message-IDs; default: the local host name. */
    public void setHeloName(String heloName) {
        this.heloName = heloName;
    }

    public int getMaxIdleSessions() {
        return maxIdleSessions;
    }

    /**
     * How many connections the producer keeps open for reuse. Each exchange uses one connection at a time, so this
     * many concurrent exchanges share open connections; sequential exchanges share one.
     */
    public void setMaxIdleSessions(int maxIdleSessions) {
        this.maxIdleSessions = maxIdleSessions;
    }

    public HeaderFilterStrategy getHeaderFilterStrategy() {
        return headerFilterStrategy;
    }

    /**
     * Which message headers become MIME headers of the mail. The default copies every header except Camel's own
     * (Camel*, org.apache.camel.*) and JavaMail property names (mail.smtp*).
     */
    public void setHeaderFilterStrategy(HeaderFilterStrategy headerFilterStrategy) {
        this.headerFilterStrategy = headerFilterStrategy;
    }

    public long getMaxMessageSize() {
        return maxMessageSize;
    }

    /**
     * Largest mail in bytes (the composed RFC 822 message with its attachments, as written to DATA) the producer
     * sends; 0 (the default) means no limit of its own. A larger mail fails with a SizeLimitExceededException before
     * any connection is used. With the option set, a mail larger than the SIZE the server advertises in its EHLO reply
     * (RFC 1870) also fails before MAIL FROM. Measuring writes the mail once more, so attachments must be readable
     * twice (files and byte arrays are; a one-shot stream is not). Without the option the server refuses too large
     * a mail itself (552).
     */
    public void setMaxMessageSize(long maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }
}
