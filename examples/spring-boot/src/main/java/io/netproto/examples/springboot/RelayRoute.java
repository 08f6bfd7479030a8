package io.netproto.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The relay: a netftp consumer on the partner's server ({@code relay.source.*}), a netftp producer on the archive
 * server ({@code relay.target.*}) and a netsmtp producer that tells the operators ({@code relay.mail.*}). Camel
 * resolves the {@code {{...}}} placeholders from Spring's environment: {@code application.properties}, environment
 * variables, command-line arguments.
 * <p>
 * Each file is streamed from one server to the other without being held in memory, uploaded atomically (to a temporary
 * name, then renamed), announced by mail, and only then moved on the partner's server to {@code relay.source.move-to}.
 * A file whose relay or notification fails stays where it is and is tried again on the next poll.
 * {@code readLock=changed} skips files whose size or modification time still changes between two listings, i.e. that
 * the partner is still uploading.
 */
@Component
public class RelayRoute extends RouteBuilder {

    static final String SOURCE = "netftp://{{relay.source.host}}:{{relay.source.port}}/{{relay.source.directory}}"
                                 + "?username={{relay.source.user}}&password=RAW({{relay.source.password}})"
                                 + "&move={{relay.source.move-to}}&readLock=changed&delay={{relay.poll-delay}}";
    static final String TARGET = "netftp://{{relay.target.host}}:{{relay.target.port}}/{{relay.target.directory}}"
                                 + "?username={{relay.target.user}}&password=RAW({{relay.target.password}})";
    static final String NOTIFY = "netsmtp://{{relay.mail.host}}:{{relay.mail.port}}"
                                 + "?username={{relay.mail.user}}&password=RAW({{relay.mail.password}})"
                                 + "&startTls={{relay.mail.start-tls}}&from={{relay.mail.from}}&to={{relay.mail.to}}"
                                 + "&useHeaderSubject=true";

    @Override
    public void configure() {
        from(SOURCE).routeId("relay")
                .log("relaying ${header.CamelNetFtpRemotePath} (${header.CamelFileLength} bytes)")
                .to(TARGET)
                .log("stored ${header.CamelNetFtpRemotePath} on {{relay.target.host}}")
                .setHeader("Subject", simple("Relayed ${header.CamelFileName}"))
                .setBody(simple("${header.CamelFileName} (${header.CamelFileLength} bytes) was relayed from "
                                + "{{relay.source.host}} to {{relay.target.host}}:${header.CamelNetFtpRemotePath}.\n"))
                .to(NOTIFY)
                .log("notified {{relay.mail.to}} (${header.CamelSmtpMessageId})");
    }
}
