package io.netproto.camel.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/** Collects every log line (logger, message and stack traces) while open; for tests that scan logs. */
public final class LogCapture implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;
    private final Configuration configuration;

    public LogCapture() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        configuration = context.getConfiguration();
        appender = new AbstractAppender("capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                        .append(event.getMessage().getFormattedMessage());
                for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                    line.append(" | ").append(t);
                }
                lines.add(line.toString());
            }
        };
        appender.start();
        // events of additive loggers reach the root's appenders: adding it to them too would record those twice
        configuration.getLoggers().values().stream().filter(l -> !l.isAdditive() && l != configuration.getRootLogger())
                .forEach(l -> l.addAppender(appender, Level.ALL, null));
        configuration.getRootLogger().addAppender(appender, Level.ALL, null);
        context.updateLoggers();
    }

    public List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        configuration.getLoggers().values().forEach(l -> l.removeAppender(appender.getName()));
        configuration.getRootLogger().removeAppender(appender.getName());
        appender.stop();
    }
}
