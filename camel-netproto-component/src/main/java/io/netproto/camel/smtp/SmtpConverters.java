package io.netproto.camel.smtp;

import java.util.Map;

import org.apache.camel.Converter;

/** Type converters for the smtp results (generated loader, no reflection). */
@Converter(generateLoader = true)
public final class SmtpConverters {

    private SmtpConverters() {
    }

    @Converter
    public static String toString(SendResult result) {
        return result.toString();
    }

    @Converter
    public static Map<String, Object> toMap(SendResult result) {
        return result.toMap();
    }

    @Converter
    public static String toString(SmtpGreeting greeting) {
        return greeting.toString();
    }

    @Converter
    public static Map<String, Object> toMap(SmtpGreeting greeting) {
        return greeting.toMap();
    }

    @Converter
    public static String toString(SmtpReply reply) {
        return reply.toString();
    }
}
