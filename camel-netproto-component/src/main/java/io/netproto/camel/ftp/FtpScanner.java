package io.netproto.camel.ftp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.netproto.camel.support.SizeLimits;
import org.apache.camel.util.AntPathMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the files a poll may deliver: lists the endpoint directory (recursively if asked), drops
 * unsafe names, in-progress uploads and filtered names, applies the read lock, and sorts.
 */
final class FtpScanner {

    private static final Logger LOG = LoggerFactory.getLogger(FtpScanner.class);

    private record Seen(long size, long modified, long since) {
    }

    private final FtpConfiguration cfg;
    private final Pattern include;
    private final Pattern exclude;
    private final String[] antInclude;
    private final String[] antExclude;
    private final AntPathMatcher ant = AntPathMatcher.INSTANCE;
    private final java.util.Set<String> warnedNames = new java.util.HashSet<>();
    private Map<String, Seen> previous = new HashMap<>();

    FtpScanner(FtpConfiguration cfg) {
        this.cfg = cfg;
        this.include = cfg.getInclude() == null ? null : Pattern.compile(cfg.getInclude());
        this.exclude = cfg.getExclude() == null ? null : Pattern.compile(cfg.getExclude());
        this.antInclude = patterns(cfg.getAntInclude());
        this.antExclude = patterns(cfg.getAntExclude());
    }

    private static String[] patterns(String list) {
        return list == null ? null : list.trim().split("\\s*,\\s*");
    }

    /** The files ready for delivery, in delivery order. */
    List<FtpEntry> scan(FtpSession session) {
        List<FtpEntry> found = new ArrayList<>();
        collect(session, "", 0, found);
        List<FtpEntry> ready = cfg.getReadLock() == FtpReadLock.changed ? stable(found) : found;
        if (cfg.getReadLock() == FtpReadLock.rename) {
            ready = ready.stream().filter(e -> renameProbe(session, e)).toList();
        }
        Comparator<FtpEntry> order = switch (cfg.getSortBy()) {
            case name -> Comparator.comparing(FtpEntry::relativePath);
            case time -> Comparator.comparingLong(FtpEntry::modifiedMillis).thenComparing(FtpEntry::relativePath);
            case size -> Comparator.comparingLong(FtpEntry::size).thenComparing(FtpEntry::relativePath);
            case none -> null;
        };
        if (order != null) {
            ready = new ArrayList<>(ready);
            ready.sort(order);
        }
        return ready;
    }

    private void collect(FtpSession session, String relativeDir, int depth, List<FtpEntry> found) {
        for (FtpEntry entry : session.listBest(session.resolve(relativeDir), relativeDir)) {
            if (!RemotePaths.isPlainName(entry.name())) {
                if (warnedNames.size() < 1000 && warnedNames.add(entry.relativePath())) {
                    LOG.warn("Ignoring remote entry with an unsafe name: {}", entry.name());
                }
                continue;
            }
            if (entry.isDirectory()) {
                if (cfg.isRecursive() && depth < cfg.getMaxDepth()) {
                    collect(session, entry.relativePath(), depth + 1, found);
                }
            } else if (entry.isFile() && accepted(entry) && withinSizeLimit(entry)) {
                found.add(entry);
            }
        }
    }

    /** maxFileSize: a file listed larger stays on the server; warned about once per name and size. */
    private boolean withinSizeLimit(FtpEntry entry) {
        if (!SizeLimits.exceeds(entry.size(), cfg.getMaxFileSize())) {
            return true;
        }
        if (warnedNames.size() < 1000 && warnedNames.add(entry.relativePath() + "\0" + entry.size())) {
            LOG.warn("Not downloading remote file {}: it is {} bytes, over the limit maxFileSize={} bytes; it stays on the server",
                    entry.remotePath(), entry.size(), cfg.getMaxFileSize());
        }
        return false;
    }

    private boolean accepted(FtpEntry entry) {
        String name = entry.name();
        if (name.startsWith(cfg.getTempPrefix())) {
            return false;
        }
        if (include != null && !include.matcher(name).matches()) {
            return false;
        }
        if (exclude != null && exclude.matcher(name).matches()) {
            return false;
        }
        if (antInclude != null && !anyMatch(antInclude, entry.relativePath())) {
            return false;
        }
        return antExclude == null || !anyMatch(antExclude, entry.relativePath());
    }

    private boolean anyMatch(String[] patterns, String path) {
        for (String p : patterns) {
            if (ant.match(p, path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * readLock=rename: a file still being written usually cannot be renamed. The probe name carries the
     * temporary prefix, so no poll ever picks it up.
     */
    private boolean renameProbe(FtpSession session, FtpEntry e) {
        String probe = RemotePaths.join(RemotePaths.parent(e.remotePath()), cfg.getTempPrefix() + e.name() + ".readlock");
        if (!session.tryRename(e.remotePath(), probe)) {
            return false;
        }
        session.rename(probe, e.remotePath());
        return true;
    }

    /** readLock=changed: only files whose size and time have not changed for readLockCheckInterval. */
    private List<FtpEntry> stable(List<FtpEntry> found) {
        long now = System.currentTimeMillis();
        Map<String, Seen> current = new HashMap<>();
        List<FtpEntry> ready = new ArrayList<>();
        for (FtpEntry e : found) {
            Seen before = previous.get(e.relativePath());
            Seen seen = before != null && before.size() == e.size() && before.modified() == e.modifiedMillis()
                    ? before : new Seen(e.size(), e.modifiedMillis(), now);
            current.put(e.relativePath(), seen);
            if (seen != null && seen == before && now - seen.since() >= cfg.getReadLockCheckInterval()) {
                ready.add(e);
            }
        }
        previous = current;
        return ready;
    }
}
