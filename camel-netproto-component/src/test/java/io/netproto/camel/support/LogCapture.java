package io.netproto.camel.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Collects every log line (logger, message and the messages of the exception chain) while open, once per event;
 * for tests that scan logs. Only events enabled by the configured levels arrive.
 */
public final class LogCapture implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;
    private final Configuration configuration;
    private final List<String> verbose = new ArrayList<>();

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
        // once per event: on the root, and on the loggers that do not pass their events on to it
        loggers().forEach(l -> l.addAppender(appender, Level.ALL, null));
        context.updateLoggers();
    }

    private Set<LoggerConfig> loggers() {
        Set<LoggerConfig> loggers = new HashSet<>();
        loggers.add(configuration.getRootLogger());
        configuration.getLoggers().values().stream().filter(l -> !l.isAdditive()).forEach(loggers::add);
        return loggers;
    }

    /**
     * Captures everything down to TRACE from these loggers and their children, without passing it on to the configured
     * appenders (the console stays quiet); undone on {@link #close()}.
     *
     * @return this capture
     */
    public LogCapture verbose(String... loggerNames) {
        for (String name : loggerNames) {
            LoggerConfig logger = new LoggerConfig(name, Level.TRACE, false);
            logger.addAppender(appender, Level.ALL, null);
            configuration.addLogger(name, logger);
            verbose.add(name);
        }
        ((LoggerContext) LogManager.getContext(false)).updateLoggers();
        return this;
    }

    public List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        verbose.forEach(configuration::removeLogger);
        configuration.getLoggers().values().forEach(l -> l.removeAppender(appender.getName()));
        configuration.getRootLogger().removeAppender(appender.getName());
        ((LoggerContext) LogManager.getContext(false)).updateLoggers();
        appender.stop();
    }
}
