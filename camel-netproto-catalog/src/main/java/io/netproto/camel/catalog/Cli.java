package io.netproto.camel.catalog;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.util.URISupport;

/**
 * Command line of the catalog:
 * <ul>
 * <li>{@code validate '<uri>'}: checks an endpoint URI; exit code 0 when valid, 1 with the problems on
 * standard error when not;</li>
 * <li>{@code explain <scheme>}: prints the options, headers and operations of a component;</li>
 * <li>{@code docs <outputDir>}: writes the Markdown reference page of every component.</li>
 * </ul>
 * Usage errors exit with 2.
 */
public final class Cli {

    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            Usage: Cli <command> <argument>
              validate '<uri>'     check an endpoint URI (exit 0 valid, 1 invalid)
              explain <scheme>     list the options, headers and operations of a component
              docs <outputDir>     write the Markdown reference page of every component""";

    private final NetprotoCatalog catalog;
    private final PrintStream out;
    private final PrintStream err;

    Cli(NetprotoCatalog catalog, PrintStream out, PrintStream err) {
        this.catalog = catalog;
        this.out = out;
        this.err = err;
    }

    /** Runs a command; exits the JVM only when the command did not succeed. */
    public static void main(String[] args) {
        int code = new Cli(NetprotoCatalog.load(), System.out, System.err).run(args);
        if (code != OK) {
            System.exit(code);
        }
    }

    /** Runs one command and returns its exit code. */
    int run(String... args) {
        if (args.length == 1 && List.of("help", "-h", "--help").contains(args[0])) {
            out.println(USAGE_TEXT);
            return OK;
        }
        if (args.length != 2) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        switch (args[0]) {
            case "validate":
                return validate(args[1]);
            case "explain":
                return explain(args[1]);
            case "docs":
                return docs(Path.of(args[1]));
            default:
                err.println("Unknown command '" + args[0] + "'");
                err.println(USAGE_TEXT);
                return USAGE;
        }
    }

    private int validate(String uri) {
        List<String> problems = catalog.validate(uri);
        if (problems.isEmpty()) {
            out.println("Valid: " + URISupport.sanitizeUri(uri));
            return OK;
        }
        err.println("Invalid endpoint URI " + URISupport.sanitizeUri(uri) + ":");
        problems.forEach(problem -> err.println("  - " + problem));
        return INVALID;
    }

    private int explain(String scheme) {
        return catalog.component(scheme).map(c -> {
            out.print(new TextRenderer().render(c));
            return OK;
        }).orElseGet(() -> {
            List<String> close = NameSuggestions.closest(catalog.schemes(), scheme);
            err.println("Unknown component '" + scheme + "'" + (close.isEmpty() ? "" : ". Did you mean '" + close.get(0) + "'?")
                        + " Known schemes: " + String.join(", ", catalog.schemes()));
            return INVALID;
        });
    }

    private int docs(Path directory) {
        try {
            for (Path file : new MarkdownRenderer().writeAll(catalog, directory)) {
                out.println("Wrote " + file.normalize());
            }
            return OK;
        } catch (IOException e) {
            err.println("Cannot write the reference pages to " + directory + ": " + e.getMessage());
            return INVALID;
        }
    }
}
