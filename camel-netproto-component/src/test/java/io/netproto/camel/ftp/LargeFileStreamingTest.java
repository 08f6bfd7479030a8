package io.netproto.camel.ftp;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 300 MB file is consumed, downloaded and uploaded by a JVM whose heap is capped at 64 MB, with
 * stream caching on (Camel's default): netftp streams in bounded memory.
 */
class LargeFileStreamingTest {

    private static final int SIZE_MB = 300;

    @Test
    void aFileFarLargerThanTheHeapStreamsThroughConsumerProducerAndUpload(@TempDir Path work) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(javaBin, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-cp", classpath,
                LargeFileTransfer.class.getName(), String.valueOf(SIZE_MB), work.toString()))
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("output.txt").toFile())
                .start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = java.nio.file.Files.readString(work.resolve("output.txt"), StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(finished).as("the transfer finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        long bytes = SIZE_MB * 1024L * 1024L;
        assertThat(output)
                .contains("stream caching enabled: true")
                .contains("consumed: " + bytes + " bytes, digest ok")
                .contains("downloaded: " + bytes + " bytes, digest ok")
                .contains("uploaded: " + bytes + " bytes, digest ok")
                .contains("max heap MB: ");
        assertThat(new File(work.toFile(), "ftp/out/copy.bin")).hasSize(bytes);
    }
}
