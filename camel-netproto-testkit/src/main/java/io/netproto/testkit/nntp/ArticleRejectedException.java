package io.netproto.testkit.nntp;

/** An article the store will not accept (no known newsgroup, bad or duplicate Message-ID, malformed header). */
final class ArticleRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    ArticleRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
