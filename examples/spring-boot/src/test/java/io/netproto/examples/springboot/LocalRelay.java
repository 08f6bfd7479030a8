package io.netproto.examples.springboot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import io.netproto.testkit.ftp.EmbeddedFtpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.support.LifecycleStrategySupport;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs {@link RelayApplication}, unchanged, against two embedded FTP servers and an embedded mail server on free
 * loopback ports instead of the servers named in {@code application.properties}: {@code mvn spring-boot:test-run} in this module. Drops one sample
 * file on the partner's server, prints where both servers keep their files, and runs until Ctrl+C (or for
 * {@code --camel.main.duration-max-seconds=N}); the servers' temporary directories are deleted on exit.
 */
public final class LocalRelay {

    private LocalRelay() {
    }

    public static void main(String[] args) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--relay.poll-delay=1000"));
        arguments.addAll(List.of(args));
        SpringApplication application = new SpringApplication(RelayApplication.class);
        application.addInitializers(new EmbeddedServersInitializer());
        ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new));
        // when Camel stops by itself (camel.main.duration-max-seconds), close the application too: that stops the
        // servers, whose threads would otherwise keep the JVM running
        context.getBean(CamelContext.class).addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopped(CamelContext camel) {
                new Thread(context::close, "LocalRelay-close").start();
            }
        });

        EmbeddedServers servers = context.getBean(EmbeddedServers.class);
        Path outgoing = Files.createDirectories(servers.source().root().resolve("outgoing"));
        Path staged = Files.writeString(servers.source().root().resolve("hello.txt"), "Hello from the partner\n");
        Files.move(staged, outgoing.resolve("hello.txt"), StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("%npartner server  %s  (user %s, password %s)%n", url(servers.source(), EmbeddedServers.SOURCE_USER),
                EmbeddedServers.SOURCE_USER, EmbeddedServers.SOURCE_PASSWORD);
        System.out.printf("archive server  %s  (user %s, password %s)%n", url(servers.target(), EmbeddedServers.TARGET_USER),
                EmbeddedServers.TARGET_USER, EmbeddedServers.TARGET_PASSWORD);
        System.out.printf("mail server     smtp://%s:%d  (notifications to %s, kept in memory; the log shows each)%n",
                servers.mail().host(), servers.mail().smtpPort(), EmbeddedServers.MAIL_TO);
        System.out.printf("dropped %s; drop more files there (or upload them to /outgoing); they appear in %s%n",
                outgoing.resolve("hello.txt"), servers.target().root().resolve("incoming/acme"));
        System.out.println("Press Ctrl+C to stop.");
    }

    private static String url(EmbeddedFtpServer server, String user) {
        return "ftp://" + user + "@" + server.host() + ":" + server.port();
    }
}
