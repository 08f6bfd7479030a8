package io.netproto.camel.ftp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemotePathsTest {

    @Test
    void relativePathsAreNormalised() {
        assertThat(RemotePaths.requireRelative("name", "a//b/./c.txt")).isEqualTo("a/b/c.txt");
        assertThat(RemotePaths.requireRelative("name", "a\\b.txt")).isEqualTo("a/b.txt");
    }

    @Test
    void escapingAndAbsolutePathsAreRefused() {
        for (String bad : new String[] { "../x", "a/../../x", "/etc/passwd", "\\\\server\\x", "C:\\x", ".", "" }) {
            assertThatThrownBy(() -> RemotePaths.requireRelative("file name", bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void listedNamesMustBePlain() {
        assertThat(RemotePaths.isPlainName("report.csv")).isTrue();
        assertThat(RemotePaths.isPlainName("..")).isFalse();
        assertThat(RemotePaths.isPlainName("../../etc/passwd")).isFalse();
        assertThat(RemotePaths.isPlainName("a\\b")).isFalse();
        assertThat(RemotePaths.isPlainName("a\nb")).isFalse();
    }

    @Test
    void joinAndSplit() {
        assertThat(RemotePaths.join("/", "a")).isEqualTo("/a");
        assertThat(RemotePaths.join("/in", "a/b")).isEqualTo("/in/a/b");
        assertThat(RemotePaths.join("/in", "")).isEqualTo("/in");
        assertThat(RemotePaths.parent("a/b/c")).isEqualTo("a/b");
        assertThat(RemotePaths.name("a/b/c")).isEqualTo("c");
        assertThat(RemotePaths.directory("/x/y/")).isEqualTo("x/y");
    }
}
