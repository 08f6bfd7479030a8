package io.netproto.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a piece of work in a child JVM with a heap limit of its own, on the benchmark's class path: the proof that the
 * work fits that heap (the servers stay in the benchmark JVM, so their memory does not count). The child is a class
 * with a {@code main} that does the work, then calls {@link #report(Measurement)}; the child runs with
 * {@code -XX:+ExitOnOutOfMemoryError}, so running out of heap anywhere ends it at once and
 * {@link #run(String, Class, List, Duration)} throws an {@link OutOfMemoryError}.
 */
public final class ChildJvm {

    private static final String PREFIX = "BENCH-RESULT ";
    /** The JVM's exit code after -XX:+ExitOnOutOfMemoryError. */
    private static final int OUT_OF_MEMORY_EXIT = 3;
    private static final int TAIL_LINES = 4;

    /** System property with further JVM options for the children, separated by spaces (for profiling). */
    public static final String OPTIONS_PROPERTY = "netproto.bench.childJvmOptions";

    private ChildJvm() {
    }

    /**
     * Starts {@code main} in a child JVM and returns the measurement it reported; its other output is echoed.
     *
     * @param  maxHeap              the child's -Xmx value, e.g. "64m"
     * @param  main                 the class whose main method does the work
     * @param  args                 its arguments
     * @param  timeout              how long the child may take
     * @return                      what the child passed to {@link #report(Measurement)}
     * @throws OutOfMemoryError     when the child ran out of heap
     * @throws IllegalStateException when it failed otherwise, timed out or reported nothing
     */
    public static Measurement run(String maxHeap, Class<?> main, List<String> args, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError"));
        String extra = System.getProperty(OPTIONS_PROPERTY, "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+"))); // e.g. a flight recording of the child
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> tail = new ArrayList<>();
        Measurement result = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            Thread killer = new Thread(() -> killAfter(child, timeout), "child-jvm-timeout");
            killer.setDaemon(true);
            killer.start();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(PREFIX)) {
                    result = parse(line.substring(PREFIX.length()));
                } else if (!line.startsWith("\t") && !line.startsWith(" ")) { // no stack frames
                    System.out.println("  | " + line);
                    tail.add(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.remove(0);
                    }
                }
            }
            killer.interrupt();
        }
        int exit = child.waitFor();
        if (exit == OUT_OF_MEMORY_EXIT || tail.stream().anyMatch(l -> l.contains("OutOfMemoryError"))) {
            throw new OutOfMemoryError("child JVM -Xmx" + maxHeap + " ran out of heap");
        }
        if (exit != 0 || result == null) {
            throw new IllegalStateException(main.getSimpleName() + " failed in a child JVM (exit " + exit + "): "
                    + String.join(" / ", tail));
        }
        return result;
    }

    /** Called by the child's main: hands the measurement to the benchmark JVM. */
    public static void report(Measurement measurement) {
        System.out.println(PREFIX + measurement.value() + " " + measurement.peakHeapBytes() + " " + measurement.note());
        System.out.flush();
    }

    private static Measurement parse(String line) {
        String[] parts = line.split(" ", 3);
        return new Measurement(Double.parseDouble(parts[0]), parts.length > 2 ? parts[2] : "",
                Long.parseLong(parts[1]));
    }

    private static void killAfter(Process child, Duration timeout) {
        try {
            if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
