package io.netproto.camel.ftp;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NoReflectionTest {

    @ParameterizedTest
    @ValueSource(strings = { "netftp", "netftps" })
    void endpointsAreConfiguredByGeneratedConfigurers(String scheme) throws Exception {
        CamelContext context = new DefaultCamelContext();
        try {
            context.start();
            var endpoint = (FtpEndpoint) context.getEndpoint(scheme + "://bob@example.org:2121/in/box?password=x"
                    + "&passiveMode=false&binary=false&charset=ISO-8859-1&bufferSize=4096&connectTimeout=5s&readTimeout=7000"
                    + "&operation=dir&fileName=a.txt&fileExist=Fail&atomicUpload=false&tempPrefix=.tmp-&maxIdleSessions=2"
                    + "&recursive=true&maxDepth=3&include=.*&exclude=x&antInclude=**/*.csv&antExclude=**/old/**&sortBy=time"
                    + "&maxMessagesPerPoll=5&streamDownload=false&delete=true&moveFailed=.err&readLock=changed"
                    + "&readLockCheckInterval=2s&reconnectDelay=500&maxReconnectDelay=10s&debugLevel=2&verifyHostname=false"
                    + "&implicit=true&dataChannelProtection=C&autoCreate=false&account=acct&delay=2000");
            FtpConfiguration cfg = endpoint.getConfiguration();
            assertThat(cfg.getHost()).isEqualTo("example.org");
            assertThat(cfg.getPort()).isEqualTo(2121);
            assertThat(cfg.getUsername()).isEqualTo("bob");
            assertThat(cfg.getDirectoryName()).isEqualTo("in/box");
            assertThat(cfg.isPassiveMode()).isFalse();
            assertThat(cfg.getConnectTimeout()).isEqualTo(5000);
            assertThat(cfg.getOperation()).isEqualTo(FtpOperation.dir);
            assertThat(cfg.getSortBy()).isEqualTo(FtpSortBy.time);
            assertThat(cfg.getReadLock()).isEqualTo(FtpReadLock.changed);
            assertThat(cfg.getMaxReconnectDelay()).isEqualTo(10_000);
            assertThat(cfg.getDataChannelProtection()).isEqualTo("C");
            assertThat(endpoint.isSecure()).isEqualTo(scheme.equals("netftps"));
            assertThat(PluginHelper.getBeanIntrospection(context).getInvokedCounter()).isZero();
        } finally {
            context.stop();
        }
    }
}
