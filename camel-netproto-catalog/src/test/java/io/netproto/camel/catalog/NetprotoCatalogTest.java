package io.netproto.camel.catalog;

import java.util.Arrays;

import io.netproto.camel.ftp.FtpOperation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NetprotoCatalogTest {

    private final NetprotoCatalog catalog = NetprotoCatalog.load();

    @Test
    void findsTheSchemesOfTheComponentJar() {
        assertThat(catalog.schemes()).contains("netftp", "netftps", "smtp", "netsmtp", "pop3", "netpop3s");
        assertThat(catalog.component("netftps").orElseThrow().title()).contains("FTPS");
        assertThat(catalog.component("ftp")).isEmpty();
    }

    @Test
    void readsPathParametersAndQueryOptionsWithTheirMetadata() {
        ComponentInfo ftp = catalog.component("netftp").orElseThrow();

        assertThat(ftp.syntax()).isEqualTo("netftp:host:port/directoryName");
        assertThat(ftp.pathParameters()).extracting(OptionInfo::name).containsExactly("host", "port", "directoryName");
        OptionInfo host = ftp.endpointOption("host").orElseThrow();
        assertThat(host.required()).isTrue();
        assertThat(host.kind()).isEqualTo("path");

        OptionInfo passive = ftp.endpointOption("passiveMode").orElseThrow();
        assertThat(passive.kind()).isEqualTo("parameter");
        assertThat(passive.type()).isEqualTo("boolean");
        assertThat(passive.defaultValue()).isEqualTo("true");
        assertThat(passive.group()).isEqualTo("common");

        OptionInfo sortBy = ftp.endpointOption("sortBy").orElseThrow();
        assertThat(sortBy.label()).isEqualTo("consumer,sort");
        assertThat(sortBy.enums()).containsExactly("none", "name", "time", "size");
        assertThat(sortBy.defaultValue()).isEqualTo("name");

        assertThat(ftp.endpointOption("password").orElseThrow().secret()).isTrue();
        assertThat(ftp.endpointOption("passiveMode").orElseThrow().secret()).isFalse();
        assertThat(ftp.componentOptions()).extracting(OptionInfo::kind).containsOnly("property");
    }

    @Test
    void operationsAreTheValuesOfTheOperationEnum() {
        ComponentInfo ftp = catalog.component("netftp").orElseThrow();

        assertThat(ftp.operations()).containsExactlyElementsOf(Arrays.stream(FtpOperation.values()).map(Enum::name).toList());
        assertThat(ftp.operationHeader()).map(HeaderInfo::name).contains("CamelNetFtpOperation");
    }

    @Test
    void readsTheHeaders() {
        ComponentInfo ftp = catalog.component("netftp").orElseThrow();

        assertThat(ftp.headers()).extracting(HeaderInfo::name)
                .contains("CamelNetFtpOperation", "CamelFileName", "CamelNetFtpPath", "CamelNetFtpNewName", "CamelNetFtpRestartOffset");
        HeaderInfo offset = ftp.headers().stream().filter(h -> h.name().equals("CamelNetFtpRestartOffset")).findFirst().orElseThrow();
        assertThat(offset.group()).isEqualTo("producer");
        assertThat(offset.javaType()).isEqualTo("long");
    }
}
