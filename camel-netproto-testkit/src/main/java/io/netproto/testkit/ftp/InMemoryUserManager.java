package io.netproto.testkit.ftp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.ftpserver.ftplet.Authentication;
import org.apache.ftpserver.ftplet.AuthenticationFailedException;
import org.apache.ftpserver.ftplet.User;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.usermanager.AnonymousAuthentication;
import org.apache.ftpserver.usermanager.UsernamePasswordAuthentication;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * Fixed, in-memory users, all with write permission, unlimited concurrent logins and the same home directory.
 * Read-only at run time: {@link #save(User)} and {@link #delete(String)} are refused.
 */
final class InMemoryUserManager implements UserManager {

    private static final String ADMIN = "admin";

    private final Map<String, String> passwords;
    private final boolean anonymous;
    private final String home;
    private final int maxIdleSeconds;

    InMemoryUserManager(Map<String, String> passwords, boolean anonymous, String home, int maxIdleSeconds) {
        this.passwords = new LinkedHashMap<>(passwords);
        this.anonymous = anonymous;
        this.home = home;
        this.maxIdleSeconds = maxIdleSeconds;
    }

    @Override
    public User getUserByName(String username) {
        return doesExist(username) ? user(username) : null;
    }

    @Override
    public String[] getAllUserNames() {
        List<String> names = new ArrayList<>(passwords.keySet());
        if (anonymous && !names.contains(ANONYMOUS)) {
            names.add(ANONYMOUS);
        }
        return names.toArray(String[]::new);
    }

    @Override
    public void delete(String username) {
        throw new UnsupportedOperationException("The embedded FTP server's users are fixed at build time");
    }

    @Override
    public void save(User user) {
        throw new UnsupportedOperationException("The embedded FTP server's users are fixed at build time");
    }

    @Override
    public boolean doesExist(String username) {
        return passwords.containsKey(username) || anonymous && ANONYMOUS.equals(username);
    }

    @Override
    public User authenticate(Authentication authentication) throws AuthenticationFailedException {
        if (authentication instanceof UsernamePasswordAuthentication credentials) {
            String expected = passwords.get(credentials.getUsername());
            if (expected != null && expected.equals(credentials.getPassword())) {
                return user(credentials.getUsername());
            }
            throw new AuthenticationFailedException("Authentication failed");
        }
        if (authentication instanceof AnonymousAuthentication && anonymous) {
            return user(ANONYMOUS);
        }
        throw new AuthenticationFailedException("Authentication failed");
    }

    @Override
    public String getAdminName() {
        return ADMIN;
    }

    @Override
    public boolean isAdmin(String username) {
        return ADMIN.equals(username);
    }

    private User user(String name) {
        BaseUser user = new BaseUser();
        user.setName(name);
        user.setPassword(passwords.get(name));
        user.setHomeDirectory(home);
        user.setEnabled(true);
        user.setMaxIdleTime(maxIdleSeconds);
        user.setAuthorities(List.of(new WritePermission(), new ConcurrentLoginPermission(0, 0)));
        return user;
    }
}
