package io.netproto.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that relays files between two FTP servers with netftp: it picks up each file a partner
 * leaves on their server and stores it on our archive server (see {@link RelayRoute}). Hosts, users and passwords
 * come from {@code application.properties}; the passwords there default to the environment variables
 * {@code RELAY_SOURCE_PASSWORD} and {@code RELAY_TARGET_PASSWORD}.
 */
@SpringBootApplication
public class RelayApplication {

    public static void main(String[] args) {
        SpringApplication.run(RelayApplication.class, args);
    }
}
