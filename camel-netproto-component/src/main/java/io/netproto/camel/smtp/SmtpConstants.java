package io.netproto.camel.smtp;

import io.netproto.camel.mail.MailHeaders;
import org.apache.camel.spi.Metadata;

/** Message headers of the smtp endpoints. */
public final class SmtpConstants {

    @Metadata(label = "producer", description = "The operation to perform, overriding the operation option.",
              javaType = "io.netproto.camel.smtp.SmtpOperation")
    public static final String OPERATION = "CamelSmtpOperation";
    @Metadata(label = "producer",
              description = "The To recipients (an address list); used only with useHeaderRecipients=true.",
              javaType = "String")
    public static final String TO = MailHeaders.TO;
    @Metadata(label = "producer",
              description = "The Cc recipients (an address list); used only with useHeaderRecipients=true.",
              javaType = "String")
    public static final String CC = MailHeaders.CC;
    @Metadata(label = "producer",
              description = "The Bcc recipients (an address list); used only with useHeaderRecipients=true.",
              javaType = "String")
    public static final String BCC = MailHeaders.BCC;
    @Metadata(label = "producer", description = "The sender; used only with useHeaderFrom=true.", javaType = "String")
    public static final String FROM = MailHeaders.FROM;
    @Metadata(label = "producer", description = "The reply address; used only with useHeaderReplyTo=true.",
              javaType = "String")
    public static final String REPLY_TO = MailHeaders.REPLY_TO;
    @Metadata(label = "producer", description = "The subject; used only with useHeaderSubject=true.", javaType = "String")
    public static final String SUBJECT = MailHeaders.SUBJECT;
    @Metadata(label = "producer",
              description = "The MIME type of the body, e.g. text/html; charset=UTF-8, overriding the contentType option.",
              javaType = "String")
    public static final String CONTENT_TYPE = MailHeaders.CONTENT_TYPE;
    @Metadata(label = "producer",
              description = "A plain-text alternative of the (HTML) body: the mail becomes multipart/alternative.",
              javaType = "String")
    public static final String ALTERNATIVE_BODY = MailHeaders.ALTERNATIVE_BODY;
    @Metadata(label = "producer", description = "The DSN NOTIFY request for this mail, overriding the dsnNotify option.",
              javaType = "String")
    public static final String DSN_NOTIFY = "CamelSmtpDsnNotify";
    @Metadata(label = "producer", description = "The DSN RET request (FULL or HDRS) for this mail, overriding the dsnRet option.",
              javaType = "String")
    public static final String DSN_RET = "CamelSmtpDsnRet";
    @Metadata(label = "producer",
              description = "After sendmail: the outcome per recipient (accepted, refused with the server's reply).",
              javaType = "io.netproto.camel.smtp.SendResult")
    public static final String SEND_RESULT = "CamelSmtpSendResult";
    @Metadata(label = "producer", description = "After sendmail: the Message-ID of the mail sent.", javaType = "String")
    public static final String MESSAGE_ID = "CamelSmtpMessageId";
    @Metadata(label = "producer", description = "The reply code of the operation's last SMTP command.", javaType = "int")
    public static final String REPLY_CODE = "CamelSmtpReplyCode";
    @Metadata(label = "producer", description = "The reply text of the operation's last SMTP command.", javaType = "String")
    public static final String REPLY_STRING = "CamelSmtpReplyString";

    private SmtpConstants() {
    }
}
