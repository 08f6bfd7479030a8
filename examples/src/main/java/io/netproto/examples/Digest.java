package io.netproto.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Aggregates what the two mail readers (IMAP and POP3) saw of one batch of files into one digest, and turns the
 * digest into a news article. Each reader's exchange carries its {@link Reading} in the exchange property
 * {@value #READING}; the mail headers {@value #BATCH_HEADER} and {@value #FILES_HEADER} say which batch the file
 * belongs to and how many files the batch has, so a digest is complete once both readers saw every file.
 */
final class Digest implements AggregationStrategy {

    /** Mail header: the number of the batch (one poll of the FTP consumer) the file belongs to. */
    static final String BATCH_HEADER = "X-Demo-Batch";
    /** Mail header: how many files the batch has. */
    static final String FILES_HEADER = "X-Demo-Files";
    /** Exchange property: the {@link Reading} of one reader. */
    static final String READING = "demoReading";
    /** How many readers read each mail. */
    static final int READERS = 2;

    private static final String READINGS = "demoReadings";

    /**
     * One mail as one reader saw it.
     *
     * @param file   the name of the attached file
     * @param bytes  the attachment's size
     * @param reader {@code IMAP} or {@code POP3}
     * @param id     the mail's unique id in the reader's mailbox (IMAP UID, POP3 UIDL)
     */
    record Reading(String file, long bytes, String reader, String id) {
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Reading reading = newExchange.getProperty(READING, Reading.class);
        if (oldExchange == null) {
            List<Reading> readings = new ArrayList<>();
            readings.add(reading);
            newExchange.setProperty(READINGS, readings);
            return newExchange;
        }
        readings(oldExchange).add(reading);
        return oldExchange;
    }

    /** Whether both readers have seen every file of the aggregated exchange's batch. */
    static boolean complete(Exchange aggregated) {
        return readings(aggregated).size() == READERS * aggregated.getMessage().getHeader(FILES_HEADER, Integer.class);
    }

    /** Replaces the aggregated exchange's message with the digest article: body, From and Subject. */
    static void toArticle(Exchange aggregated) {
        List<Reading> readings = readings(aggregated);
        String batch = aggregated.getMessage().getHeader(BATCH_HEADER, String.class);
        Map<String, List<Reading>> byFile = new TreeMap<>();
        readings.forEach(reading -> byFile.computeIfAbsent(reading.file(), file -> new ArrayList<>()).add(reading));
        StringBuilder text = new StringBuilder("Files of batch " + batch + ", each mailed to "
                                               + DemoServers.ARCHIVE.address() + " and " + DemoServers.AUDIT.address()
                                               + " and read back:\n\n");
        byFile.forEach((file, seen) -> {
            text.append(String.format("  %-14s %6d bytes   ", file, seen.get(0).bytes()));
            text.append(String.join(", ", seen.stream().sorted((a, b) -> a.reader().compareTo(b.reader()))
                    .map(reading -> reading.reader() + " (UID " + reading.id() + ")").toList()));
            text.append('\n');
        });
        aggregated.getMessage().removeHeaders("*");
        aggregated.getMessage().setHeader("From", "Demo reports <" + DemoServers.SENDER.address() + ">");
        aggregated.getMessage().setHeader("Subject", "Digest of batch " + batch + ": " + byFile.size() + " files");
        aggregated.getMessage().setBody(text.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Reading> readings(Exchange exchange) {
        return exchange.getProperty(READINGS, List.class);
    }
}
