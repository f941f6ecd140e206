package io.ticketrouter.cli;

import io.ticketrouter.domain.model.user.AccountRules;
import io.ticketrouter.domain.model.user.Role;
import io.ticketrouter.infrastructure.persistence.schema.DatabaseSchema;
import io.ticketrouter.security.PasswordHasher;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code users}: manage who may sign in, directly in the server's database (the embedded H2 file under
 * {@code --data-dir}, also while the server runs, or the database of {@code ticketrouter.db.url}). The same password
 * format and rules as the server's {@code /api/users}. A running server notices a changed password or a removed user
 * within {@code ticketrouter.security.cache-seconds} (60 s).
 */
@Command(
        name = "users",
        description = "Manage users: list, add NAME, remove NAME, passwd NAME, role NAME ROLE.",
        subcommands = {
            UsersCommand.ListUsers.class,
            UsersCommand.Add.class,
            UsersCommand.Remove.class,
            UsersCommand.Passwd.class,
            UsersCommand.ChangeRole.class
        })
final class UsersCommand implements Callable<Integer> {

    @Override
    public Integer call() throws CliFailure {
        throw new CliFailure("users: say what to do: list, add NAME, remove NAME, passwd NAME or role NAME ROLE "
                + "(see users --help)");
    }

    /** Options every subcommand shares. */
    abstract static class Base implements Callable<Integer> {

        @Mixin
        DataDirOption server;

        /** The data directory in effect (the server's admin-password.txt is there). */
        Path data;

        @Override
        public Integer call() throws Exception {
            String url = Installation.configuredDatabaseUrl();
            data = server.dataDir();
            if (url == null) {
                Files.createDirectories(data.resolve("db"));
                url = Installation.h2Url(data);
            }
            try {
                Installation.migrateSchema(url);
            } catch (DatabaseSchema.SchemaException e) {
                throw new CliFailure(
                        "users: cannot use the database " + Installation.redact(url) + ": " + e.getMessage());
            }
            try (Connection c = Installation.connect(url)) {
                c.setAutoCommit(false);
                int rc = run(c);
                c.commit();
                return rc;
            } catch (SQLException e) {
                throw new CliFailure(
                        "users: cannot use the database " + Installation.redact(url) + ": " + Installation.explain(e));
            }
        }

        abstract int run(Connection c) throws Exception;
    }

    @Command(name = "list", description = "List users and their roles.")
    static final class ListUsers extends Base {
        @Override
        int run(Connection c) throws SQLException {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT username, role, created_at FROM tr_user ORDER BY username")) {
                int n = 0;
                while (r.next()) {
                    System.out.printf(
                            "%-32s %-6s since %s%n",
                            r.getString(1), r.getString(2), r.getTimestamp(3).toInstant());
                    n++;
                }
                if (n == 0) {
                    System.out.println("No users yet: the server creates 'admin' on its first start.");
                }
            }
            return 0;
        }
    }

    /** Subcommands that take a user name and may read a password. */
    abstract static class Named extends Base {
        @Parameters(index = "0", paramLabel = "NAME", description = "The user name.")
        String name;

        @Option(
                names = "--password-stdin",
                description = "Read the password from the first line of standard input (for scripts) instead of "
                        + "asking twice on the terminal.")
        boolean passwordStdin;

        String readPassword() throws Exception {
            String password;
            if (passwordStdin) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                password = in.readLine();
            } else {
                Console console = System.console();
                if (console == null) {
                    throw new CliFailure(
                            "users: no terminal to ask for the password: pipe it in with " + "--password-stdin");
                }
                char[] first = console.readPassword(
                        "New password for %s (%d to %d characters): ",
                        name, AccountRules.PASSWORD_MIN, AccountRules.PASSWORD_MAX);
                char[] second = console.readPassword("Again: ");
                if (first == null || second == null || !Arrays.equals(first, second)) {
                    throw new CliFailure("users: the two passwords differ; nothing changed");
                }
                password = new String(first);
                Arrays.fill(first, ' ');
                Arrays.fill(second, ' ');
            }
            String problem = AccountRules.passwordProblem(password);
            if (problem != null) {
                throw new CliFailure("users: " + problem + "; nothing changed");
            }
            return password;
        }

        String role(Connection c) throws SQLException {
            try (PreparedStatement p = c.prepareStatement("SELECT role FROM tr_user WHERE username = ?")) {
                p.setString(1, name);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        }

        static long admins(Connection c) throws SQLException {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT COUNT(*) FROM tr_user WHERE role = 'admin'")) {
                r.next();
                return r.getLong(1);
            }
        }

        static int signOutEverywhere(Connection c, String name) throws SQLException {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM tr_session WHERE username = ?")) {
                p.setString(1, name);
                return p.executeUpdate();
            }
        }
    }

    @Command(name = "add", description = "Add a user (role agent by default).")
    static final class Add extends Named {
        @Option(names = "--role", defaultValue = "agent", paramLabel = "agent|admin", description = "The user's role.")
        String role;

        @Override
        int run(Connection c) throws Exception {
            String problem = AccountRules.usernameProblem(name);
            if (problem != null) {
                throw new CliFailure("users add: " + problem);
            }
            Role r = parseRole(role);
            String key = AccountRules.usernameKey(name);
            String existing = null;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT username FROM tr_user")) {
                while (rs.next() && existing == null) {
                    existing = AccountRules.usernameKey(rs.getString(1)).equals(key) ? rs.getString(1) : null;
                }
            }
            if (existing != null) {
                throw new CliFailure("users add: user " + existing + " exists already"
                        + (existing.equals(name)
                                ? ""
                                : " (user names are the same without regard to case and Unicode compatibility forms)")
                        + " (change it with users passwd " + existing + " or users role " + existing + " ROLE)");
            }
            String password = readPassword();
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement p = c.prepareStatement("INSERT INTO tr_user (username, role, password_hash, "
                    + "created_at, updated_at, version, username_key) VALUES (?, ?, ?, ?, ?, 1, ?)")) {
                p.setString(1, name);
                p.setString(2, r.wireName());
                p.setString(3, new PasswordHasher().hash(password.toCharArray()));
                p.setTimestamp(4, now);
                p.setTimestamp(5, now);
                p.setString(6, key);
                p.executeUpdate();
            }
            System.out.println("Added user " + name + " with role " + r.wireName() + ".");
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a user and end their sessions (never the last admin).")
    static final class Remove extends Named {
        @Override
        int run(Connection c) throws Exception {
            String current = role(c);
            if (current == null) {
                throw new CliFailure("users remove: no user " + name);
            }
            if ("admin".equals(current) && admins(c) <= 1) {
                throw new CliFailure("users remove: " + name + " is the last admin; make another user admin first "
                        + "(users role NAME admin)");
            }
            int sessions = signOutEverywhere(c, name);
            try (PreparedStatement p = c.prepareStatement("DELETE FROM tr_user WHERE username = ?")) {
                p.setString(1, name);
                p.executeUpdate();
            }
            System.out.println("Removed user " + name + " (" + sessions + " session(s) ended; a running server "
                    + "refuses the user within a minute).");
            return 0;
        }
    }

    @Command(name = "passwd", description = "Set a user's password and end their sessions.")
    static final class Passwd extends Named {
        @Override
        int run(Connection c) throws Exception {
            if (role(c) == null) {
                throw new CliFailure("users passwd: no user " + name + " (add it with users add " + name + ")");
            }
            String password = readPassword();
            try (PreparedStatement p = c.prepareStatement("UPDATE tr_user SET password_hash = ?, updated_at = ?, "
                    + "version = version + 1 WHERE username = ?")) {
                p.setString(1, new PasswordHasher().hash(password.toCharArray()));
                p.setTimestamp(2, Timestamp.from(Instant.now()));
                p.setString(3, name);
                p.executeUpdate();
            }
            int sessions = signOutEverywhere(c, name);
            System.out.println("Changed the password of " + name + " (" + sessions + " session(s) ended; a running "
                    + "server accepts only the new password within a minute).");
            if ("admin".equals(name) && Files.deleteIfExists(data.resolve("admin-password.txt"))) {
                System.out.println("Deleted " + data.resolve("admin-password.txt") + " (it held the first password).");
            }
            return 0;
        }
    }

    @Command(name = "role", description = "Change a user's role.")
    static final class ChangeRole extends Named {
        @Parameters(index = "1", paramLabel = "ROLE", description = "agent or admin")
        String newRole;

        @Override
        int run(Connection c) throws Exception {
            String current = role(c);
            if (current == null) {
                throw new CliFailure("users role: no user " + name);
            }
            Role r = parseRole(newRole);
            if ("admin".equals(current) && r != Role.ADMIN && admins(c) <= 1) {
                throw new CliFailure("users role: " + name + " is the last admin; make another user admin first");
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE tr_user SET role = ?, updated_at = ?, " + "version = version + 1 WHERE username = ?")) {
                p.setString(1, r.wireName());
                p.setTimestamp(2, Timestamp.from(Instant.now()));
                p.setString(3, name);
                p.executeUpdate();
            }
            System.out.println(name + " is now " + r.wireName() + ".");
            return 0;
        }
    }

    static Role parseRole(String role) throws CliFailure {
        try {
            return Role.fromWire(role);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("users: " + e.getMessage());
        }
    }
}
