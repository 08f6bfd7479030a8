package io.netproto.camel.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UriValidationTest {

    private final NetprotoCatalog catalog = NetprotoCatalog.load();

    @ParameterizedTest
    @ValueSource(strings = {
        "netftp://alice@ftp.example.com:2121/inbox?passiveMode=true&delay=5000&sortBy=time",
        "netftp:ftp.example.com",
        "netftp://alice:secret@ftp.example.com/inbox?move=done&readLockCheckInterval=2s&readLock=changed",
        "netftps://bob@ftp.example.com/x?implicit=true&dataChannelProtection=C&sslContextParameters=#tls",
        "netftp://{{ftp.host}}:{{ftp.port}}/in?passiveMode={{ftp.passive}}",
        "netftp://ftp.example.com/in?password=RAW(p&ss=w)rd)&operation=dir&debugLevel=2",
        "netftp://ftp.example.com/in?scheduler.cron=0+0/5+*+*+*+?&fileExist=Append"
    })
    void acceptsValidUris(String uri) {
        assertThat(catalog.validate(uri)).isEmpty();
    }

    @Test
    void suggestsTheOptionAMisspeltNameWasMeantToBe() {
        assertThat(catalog.validate("netftp://alice@ftp.example.com/inbox?passivMode=true"))
                .containsExactly("Unknown option 'passivMode'. Did you mean 'passiveMode'?");
        assertThat(catalog.validate("netftp://ftp.example.com/inbox?maxmessagesperpoll=5"))
                .containsExactly("Unknown option 'maxmessagesperpoll'. Did you mean 'maxMessagesPerPoll'?");
    }

    @Test
    void reportsAnUnknownOptionWithoutSuggestionWhenNothingIsClose() {
        assertThat(catalog.validate("netftp://ftp.example.com/inbox?colour=blue"))
                .containsExactly("Unknown option 'colour'");
    }

    @Test
    void listsTheAllowedValuesOfAnInvalidEnum() {
        assertThat(catalog.validate("netftp://ftp.example.com/inbox?sortBy=weight"))
                .containsExactly("Invalid value 'weight' for option 'sortBy': expected one of none, name, time, size");
        assertThat(catalog.validate("netftp://ftp.example.com/inbox?operation=list"))
                .singleElement().asString().startsWith("Invalid value 'list' for option 'operation': expected one of pwd, cwd, dir");
        assertThat(catalog.validate("netftp://ftp.example.com/inbox?readLock=chanegd"))
                .containsExactly("Invalid value 'chanegd' for option 'readLock': expected one of none, changed, rename."
                                 + " Did you mean 'changed'?");
    }

    @Test
    void reportsValuesOfTheWrongType() {
        assertThat(catalog.validate("netftp://ftp.example.com/inbox?binary=yes&maxDepth=deep&connectTimeout=soon"))
                .containsExactlyInAnyOrder(
                        "Invalid value 'yes' for option 'binary': expected true or false",
                        "Invalid value 'deep' for option 'maxDepth': expected a whole number",
                        "Invalid value 'soon' for option 'connectTimeout': expected a duration in milliseconds or such as 10s, 1m30s");
        assertThat(catalog.validate("netftp://ftp.example.com:port21/inbox"))
                .containsExactly("Invalid value 'port21' for option 'port': expected a whole number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"netftp:?delete=true", "netftp://?delete=true", "netftp:///inbox", "netftp://alice@/inbox", "netftp:"})
    void reportsAMissingHost(String uri) {
        assertThat(catalog.validate(uri))
                .containsExactly("Missing required host in the URI path: the syntax is netftp:host:port/directoryName");
    }

    @Test
    void reportsEveryProblemOfAUri() {
        assertThat(catalog.validate("netftp:///inbox?passivMode=true&sortBy=weight&recursive=maybe")).hasSize(4);
    }

    @Test
    void namesTheKnownSchemesForAnUnknownOne() {
        assertThat(catalog.validate("ftp://ftp.example.com/inbox")).singleElement().asString()
                .startsWith("Unknown component 'ftp': the known schemes are ")
                .contains("netftp, netftps").contains("smtp").contains("pop3");
    }

    @Test
    void neverEchoesPasswordsOrValuesOfUnknownOptions() {
        assertThat(catalog.validate("netftp://alice:hunter2@ftp.example.com:x/in?pasword=s3cret&sortBy=weight"))
                .hasSize(3)
                .noneMatch(message -> message.contains("hunter2") || message.contains("s3cret"));
    }

    @Test
    void rejectsAnEmptyUri() {
        assertThat(catalog.validate(" ")).containsExactly("The endpoint URI is empty");
    }
}
