package io.netproto.testkit.nntp;

/**
 * Ends a command early with a single-line status response, e.g. {@code 412 No newsgroup selected}. Control flow
 * only: no stack trace is recorded.
 */
final class ReplyException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int code;

    ReplyException(int code, String text) {
        super(text, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }

    String text() {
        return getMessage();
    }
}
