package io.netproto.examples;

/**
 * The netftp endpoint URIs of the demo, all on one FTP server and account.
 *
 * @param host     the server's host
 * @param port     the server's control port
 * @param user     the login name
 * @param password the password (passed as a RAW option so any character is safe)
 */
record DemoEndpoints(String host, int port, String user, String password) {

    private String uri(String directory, String options) {
        return "netftp://" + user + "@" + host + ":" + port + directory + "?password=RAW(" + password + ")"
               + (options.isEmpty() ? "" : "&" + options);
    }

    /** Producer uploading into /inbox (no operation: the body is uploaded atomically). */
    String inboxUpload() {
        return uri("/inbox", "");
    }

    /** Consumer of /inbox: each file is moved to /done once its exchange succeeded. */
    String inboxConsumer() {
        return uri("/inbox", "move=/done&initialDelay=0&delay=100");
    }

    /** Producer uploading into /outbox. */
    String outboxUpload() {
        return uri("/outbox", "");
    }

    /** Producer running one operation at the login directory; header CamelNetFtpPath names the directory. */
    String root(String operation) {
        return uri("", "operation=" + operation);
    }
}
