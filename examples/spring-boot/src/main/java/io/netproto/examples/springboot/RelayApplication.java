package io.netproto.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that relays files between two FTP servers with netftp and reports each by mail with
 * netsmtp: it picks up each file a partner leaves on their server, stores it on our archive server and tells the
 * operators (see {@link RelayRoute}). Hosts, users and passwords come from {@code application.properties}; the
 * passwords there are the environment variables {@code RELAY_SOURCE_PASSWORD}, {@code RELAY_TARGET_PASSWORD} and
 * {@code RELAY_MAIL_PASSWORD}.
 */
@SpringBootApplication
public class RelayApplication {

    public static void main(String[] args) {
        SpringApplication.run(RelayApplication.class, args);
    }
}
