package io.netproto.testkit.nntp;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The newsgroups and articles, in memory. Every method is synchronized and returns snapshots, so connections and the
 * test thread can use the store at the same time.
 * <p>
 * Message-IDs are unique for the life of the store: an expired or cancelled article's Message-ID stays in the history
 * and cannot be posted again, as on a real server.
 */
final class NewsStore {

    private final Clock clock;
    private final String hostName;
    private final Map<String, Group> groups = new TreeMap<>();
    private final Map<String, Entry> byMessageId = new LinkedHashMap<>();
    private final Set<String> history = new HashSet<>();

    NewsStore(Clock clock, String hostName) {
        this.clock = clock;
        this.hostName = hostName;
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Creates an empty newsgroup.
     *
     * @throws IllegalArgumentException if the name is invalid or taken
     */
    synchronized void createGroup(String name, String description) {
        if (name.isEmpty() || name.codePoints().anyMatch(c -> c <= ' ' || c == 0x7f || "!*,?[\\]".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("Invalid newsgroup name: '" + name + "'");
        }
        if (groups.containsKey(name)) {
            throw new IllegalArgumentException("Newsgroup exists already: " + name);
        }
        groups.put(name, new Group(name, description == null ? "" : description, clock.instant()));
    }

    synchronized Optional<GroupStatus> group(String name) {
        return Optional.ofNullable(groups.get(name)).map(Group::status);
    }

    /** All newsgroups, sorted by name. */
    synchronized List<GroupStatus> groups() {
        return groups.values().stream().map(Group::status).toList();
    }

    /**
     * Stores an article in each of the given groups, numbering it after each group's high water mark. Any Xref field
     * is dropped (the server maintains its own); Message-ID and Date fields are added when missing.
     *
     * @param  groupNames               the newsgroups, all existing
     * @param  headers                  the header fields, Newsgroups included
     * @param  body                     the body, lines terminated by CRLF
     * @throws ArticleRejectedException if the Message-ID is malformed or was seen before
     * @throws IllegalArgumentException if a group does not exist or none is given
     */
    synchronized Article post(List<String> groupNames, List<Map.Entry<String, String>> headers, String body)
            throws ArticleRejectedException {
        List<Group> targets = groupNames.stream().distinct().map(this::existing).toList();
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("No newsgroup given");
        }
        List<Map.Entry<String, String>> fields = new ArrayList<>(headers);
        fields.removeIf(h -> h.getKey().equalsIgnoreCase("Xref"));
        Optional<String> given = fields.stream().filter(h -> h.getKey().equalsIgnoreCase("Message-ID"))
                .map(h -> h.getValue().trim()).findFirst();
        String messageId;
        if (given.isPresent()) {
            messageId = given.get();
            if (!validMessageId(messageId)) {
                throw new ArticleRejectedException("Malformed Message-ID " + messageId);
            }
            if (history.contains(messageId)) {
                throw new ArticleRejectedException("435 Duplicate article " + messageId);
            }
        } else {
            messageId = "<" + UUID.randomUUID() + "@" + hostName + ">";
            fields.add(Map.entry("Message-ID", messageId));
        }
        Instant arrived = clock.instant();
        if (fields.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("Date"))) {
            fields.add(Map.entry("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(arrived.atOffset(ZoneOffset.UTC))));
        }
        Entry entry = new Entry(messageId, List.copyOf(fields), body, arrived);
        for (Group group : targets) {
            long number = ++group.high;
            group.articles.put(number, entry);
            entry.numbers.put(group.name, number);
        }
        byMessageId.put(messageId, entry);
        history.add(messageId);
        return entry.snapshot();
    }

    synchronized Optional<Article> byMessageId(String messageId) {
        return Optional.ofNullable(byMessageId.get(messageId)).map(Entry::snapshot);
    }

    synchronized Optional<Article> byNumber(String group, long number) {
        return Optional.ofNullable(existing(group).articles.get(number)).map(Entry::snapshot);
    }

    /** The first article numbered above {@code number}. */
    synchronized Optional<Article> next(String group, long number) {
        return Optional.ofNullable(existing(group).articles.higherEntry(number)).map(e -> e.getValue().snapshot());
    }

    /** The last article numbered below {@code number}. */
    synchronized Optional<Article> previous(String group, long number) {
        return Optional.ofNullable(existing(group).articles.lowerEntry(number)).map(e -> e.getValue().snapshot());
    }

    /** The articles of a group numbered {@code first} to {@code last} inclusive, in number order. */
    synchronized List<Article> range(String group, long first, long last) {
        if (last < first) {
            return List.of();
        }
        return existing(group).articles.subMap(first, true, last, true).values().stream().map(Entry::snapshot)
                .toList();
    }

    synchronized List<Article> articles(String group) {
        return range(group, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Articles received at or after {@code since} that are in at least one group the filter accepts. */
    synchronized List<Article> arrivedSince(Instant since, Predicate<String> groupFilter) {
        return byMessageId.values().stream()
                .filter(e -> !e.arrived.isBefore(since) && e.numbers.keySet().stream().anyMatch(groupFilter))
                .map(Entry::snapshot).toList();
    }

    /**
     * Removes an article from one group; it disappears entirely once no group holds it.
     *
     * @return whether the group held an article with that number
     */
    synchronized boolean expire(String group, long number) {
        Entry entry = existing(group).articles.remove(number);
        if (entry == null) {
            return false;
        }
        entry.numbers.remove(group);
        if (entry.numbers.isEmpty()) {
            byMessageId.remove(entry.messageId);
        }
        return true;
    }

    /**
     * Removes an article from every group.
     *
     * @return whether the article existed
     */
    synchronized boolean cancel(String messageId) {
        Entry entry = byMessageId.remove(messageId);
        if (entry == null) {
            return false;
        }
        entry.numbers.forEach((group, number) -> groups.get(group).articles.remove(number));
        entry.numbers.clear();
        return true;
    }

    /**
     * Numbers a group's articles again, consecutively from {@code newFirst} in their current order; the high water
     * mark follows, so it can go backwards.
     */
    synchronized void renumber(String group, long newFirst) {
        if (newFirst < 1) {
            throw new IllegalArgumentException("Article numbers start at 1, not " + newFirst);
        }
        Group target = existing(group);
        List<Entry> entries = new ArrayList<>(target.articles.values());
        target.articles.clear();
        long number = newFirst;
        for (Entry entry : entries) {
            target.articles.put(number, entry);
            entry.numbers.put(group, number);
            number++;
        }
        target.high = number - 1;
    }

    static boolean validMessageId(String id) {
        return id.length() >= 3 && id.length() <= 250 && id.startsWith("<") && id.endsWith(">")
                && id.substring(1, id.length() - 1).chars().allMatch(c -> c > ' ' && c < 0x7f && c != '<' && c != '>');
    }

    private Group existing(String name) {
        Group group = groups.get(name);
        if (group == null) {
            throw new IllegalArgumentException("No such newsgroup: " + name);
        }
        return group;
    }

    private static final class Group {
        final String name;
        final String description;
        final Instant created;
        final NavigableMap<Long, Entry> articles = new TreeMap<>();
        long high;

        Group(String name, String description, Instant created) {
            this.name = name;
            this.description = description;
            this.created = created;
        }

        GroupStatus status() {
            long low = articles.isEmpty() ? high + 1 : articles.firstKey();
            return new GroupStatus(name, description, created, articles.size(), low, high);
        }
    }

    private final class Entry {
        final String messageId;
        final List<Map.Entry<String, String>> headers;
        final String body;
        final Instant arrived;
        final Map<String, Long> numbers = new LinkedHashMap<>();

        Entry(String messageId, List<Map.Entry<String, String>> headers, String body, Instant arrived) {
            this.messageId = messageId;
            this.headers = headers;
            this.body = body;
            this.arrived = arrived;
        }

        Article snapshot() {
            List<Map.Entry<String, String>> served = new ArrayList<>(headers);
            if (!numbers.isEmpty()) {
                served.add(Map.entry("Xref", hostName + " " + numbers.entrySet().stream()
                        .map(n -> n.getKey() + ":" + n.getValue()).collect(Collectors.joining(" "))));
            }
            return new Article(messageId, numbers, served, body, arrived);
        }
    }
}
