package io.netproto.testkit.nntp;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The date forms of NNTP: {@code yyyymmddhhmmss} in DATE replies and {@code [yy]yymmdd hhmmss [GMT]} in NEWGROUPS and
 * NEWNEWS. The server's local time zone is UTC, so the {@code GMT} flag changes nothing.
 */
final class NntpDates {

    private static final DateTimeFormatter DATE_REPLY = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private NntpDates() {
    }

    static String format(Instant instant) {
        return DATE_REPLY.format(instant);
    }

    /**
     * Parses the date and time arguments of NEWGROUPS or NEWNEWS. A two-digit year is taken from the current century
     * if it is not after the current year, and from the previous century otherwise (RFC 3977 section 7.3.2).
     *
     * @param  date                     {@code yymmdd} or {@code yyyymmdd}
     * @param  time                     {@code hhmmss}
     * @param  now                      the server's current time
     * @throws IllegalArgumentException if either argument is malformed
     */
    static Instant parse(String date, String time, Instant now) {
        if (!digits(date) || date.length() != 6 && date.length() != 8 || !digits(time) || time.length() != 6) {
            throw new IllegalArgumentException("Expected [yy]yymmdd hhmmss");
        }
        int year;
        if (date.length() == 8) {
            year = Integer.parseInt(date.substring(0, 4));
        } else {
            int currentYear = now.atOffset(ZoneOffset.UTC).getYear();
            int century = currentYear / 100 * 100;
            year = century + Integer.parseInt(date.substring(0, 2));
            if (year > currentYear) {
                year -= 100;
            }
        }
        String monthDay = date.substring(date.length() - 4);
        try {
            LocalDate day = LocalDate.of(year, Integer.parseInt(monthDay.substring(0, 2)),
                    Integer.parseInt(monthDay.substring(2)));
            LocalTime clock = LocalTime.of(Integer.parseInt(time.substring(0, 2)),
                    Integer.parseInt(time.substring(2, 4)), Integer.parseInt(time.substring(4)));
            return LocalDateTime.of(day, clock).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Invalid date or time", e);
        }
    }

    private static boolean digits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
