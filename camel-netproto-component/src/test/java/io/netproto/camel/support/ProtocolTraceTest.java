package io.netproto.camel.support;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProtocolTraceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PASS hunter2|PASS ****",
            "pass hunter2|pass ****",
            "ACCT secret-account|ACCT ****",
            "AUTHINFO PASS hunter2|AUTHINFO PASS ****",
            "AUTH PLAIN AGJvYgBodW50ZXIy|AUTH PLAIN ****",
            "a001 LOGIN bob hunter2|a001 LOGIN bob ****",
            "USER bob|USER bob",
            "RETR file.txt|RETR file.txt",
            "AUTH TLS|AUTH TLS",
            "250 AUTH PLAIN LOGIN XOAUTH2|250 AUTH PLAIN LOGIN XOAUTH2",
            "250-AUTH LOGIN PLAIN|250-AUTH LOGIN PLAIN" })
    void masksCredentialsAndNothingElse(String line, String expected) {
        assertThat(ProtocolTrace.mask(line)).isEqualTo(expected);
    }
}
