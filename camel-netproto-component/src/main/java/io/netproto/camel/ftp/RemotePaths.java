package io.netproto.camel.ftp;

import java.util.ArrayList;
import java.util.List;

import io.netproto.camel.support.ProtocolArguments;

/**
 * Remote path arithmetic. Names that come from messages or from the server are checked here so that
 * nothing can reach outside the directory it belongs in.
 */
final class RemotePaths {

    private RemotePaths() {
    }

    /**
     * A normalised relative path: no CR/LF, not absolute, no {@code ..} segment.
     *
     * @throws IllegalArgumentException naming {@code what}
     */
    static String requireRelative(String what, String path) {
        ProtocolArguments.requireValue(what, path);
        String p = path.replace('\\', '/');
        if (p.startsWith("/") || (p.length() > 1 && p.charAt(1) == ':')) {
            throw new IllegalArgumentException("The " + what + " must be relative to the endpoint directory, was absolute: " + path);
        }
        List<String> parts = new ArrayList<>();
        for (String segment : p.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new IllegalArgumentException("The " + what + " must not contain '..' segments: " + path);
            }
            parts.add(segment);
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("The " + what + " names no file: " + path);
        }
        return String.join("/", parts);
    }

    /** The endpoint directory option, normalised: no leading or trailing slash, may be empty. */
    static String directory(String directoryName) {
        if (directoryName == null || directoryName.isBlank() || directoryName.equals("/")) {
            return "";
        }
        ProtocolArguments.requireSingleLine("directory of the endpoint URI", directoryName);
        String d = directoryName.replace('\\', '/');
        while (d.startsWith("/")) {
            d = d.substring(1);
        }
        while (d.endsWith("/")) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }

    /** Joins a directory and a relative path; either may be empty. */
    static String join(String dir, String relative) {
        if (relative == null || relative.isEmpty()) {
            return dir;
        }
        if (dir == null || dir.isEmpty()) {
            return relative;
        }
        return dir.endsWith("/") ? dir + relative : dir + "/" + relative;
    }

    /** The last segment of a path. */
    static String name(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** Everything before the last segment, or "" when there is none. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /**
     * Whether a name listed by the server is a plain entry name. A hostile server could list names like
     * {@code ../../etc/passwd}; such entries are never delivered.
     */
    static boolean isPlainName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c == '\r' || c == '\n' || c == '\0') {
                return false;
            }
        }
        return true;
    }
}
