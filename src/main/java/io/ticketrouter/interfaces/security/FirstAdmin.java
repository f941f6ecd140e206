package io.ticketrouter.interfaces.security;

import io.ticketrouter.application.AccountService;
import io.ticketrouter.domain.model.user.AccountRules;
import io.ticketrouter.security.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The first start: when the database has no user at all, creates user {@code admin}. Its password is
 * {@code TICKET_ROUTER_ADMIN_PASSWORD} (or {@code ticketrouter.admin.initial-password}) when set; otherwise a random
 * one, printed once to the server's output and written to {@code admin-password.txt} in the data directory,
 * readable by the server's own user only. Later starts change nothing: manage users with
 * {@code ./ticket-router users} or {@code /api/users}.
 */
@ApplicationScoped
public class FirstAdmin {

    public static final String PASSWORD_FILE = "admin-password.txt";
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @Inject
    AccountService accounts;

    @Inject
    SecuritySettings settings;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            java.util.List<String> clashes = accounts.ensureUniqueUserNames();
            if (!clashes.isEmpty()) {
                LOG.warning("These user names differ from another user's only in case or Unicode form: " + clashes
                        + ". They keep working, but remove or re-add them under distinct names.");
            }
        } catch (RuntimeException e) {
            // another instance of the cluster filled them in at the same moment
            LOG.log(
                    Level.INFO,
                    "The comparison forms of user names were not filled in here (another instance may have done "
                            + "it): " + e);
        }
        Optional<String> configured = settings.initialAdminPassword();
        String problem = configured.map(AccountRules::passwordProblem).orElse(null);
        if (problem != null) {
            LOG.severe("TICKET_ROUTER_ADMIN_PASSWORD is not used: " + problem + ". A random password is generated.");
            configured = Optional.empty();
        }
        String password = configured.orElseGet(() -> Tokens.password(20));
        boolean created;
        try {
            created = accounts.createFirstAdmin(password);
        } catch (RuntimeException e) {
            // another instance of the cluster created the first user at the same moment
            LOG.log(Level.INFO, "The first admin was not created here (another instance may have): " + e);
            return;
        }
        if (!created) {
            return;
        }
        if (configured.isPresent()) {
            LOG.info("First start: user admin created with the password from TICKET_ROUTER_ADMIN_PASSWORD.");
            return;
        }
        Path file = Path.of(settings.dataDir()).toAbsolutePath().normalize().resolve(PASSWORD_FILE);
        String where;
        try {
            writeOwnerOnly(file, password + System.lineSeparator());
            where = "It is also in " + file + " (readable only by the server's user); delete that file once you "
                    + "have changed the password.";
        } catch (IOException | RuntimeException e) {
            where = "It could not be written to " + file + ": " + e.getMessage();
        }
        String banner = "\n==================================================================\n"
                + " Ticket Router first start: user 'admin' was created.\n"
                + " Password: " + password + "\n"
                + " " + where + "\n"
                + " Change it: ./ticket-router users passwd admin\n"
                + "==================================================================";
        System.out.println(banner);
    }

    static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
            java.io.File f = file.toFile();
            f.setReadable(false, false);
            f.setWritable(false, false);
            f.setReadable(true, true);
            f.setWritable(true, true);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
