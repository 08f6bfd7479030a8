package io.netproto.camel.ftp;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;

/** The size of a message body about to be uploaded, when it is known without reading it. */
final class UploadSize {

    private UploadSize() {
    }

    /** The body's size in bytes, or -1 when only reading it would tell. */
    static long of(Message message, String charset) {
        Object body = message.getBody();
        if (body instanceof byte[] bytes) {
            return bytes.length;
        }
        if (body instanceof String text) {
            return text.getBytes(Charset.forName(charset)).length;
        }
        if (body instanceof File file) {
            return file.isFile() ? file.length() : -1;
        }
        if (body instanceof Path path) {
            try {
                return Files.size(path);
            } catch (IOException e) {
                return -1;
            }
        }
        if (body instanceof WrappedFile<?> file) {
            return file.getFileLength();
        }
        if (body instanceof StreamCache cache) {
            return cache.length();
        }
        return -1;
    }
}
