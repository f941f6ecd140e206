package io.ticketrouter.domain.model.user;

import io.ticketrouter.domain.model.ticket.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A user who signs in to the dashboard or calls the API. The password is only ever stored as a PBKDF2 hash
 * ({@link io.ticketrouter.security.PasswordHasher}). The command line writes the same table over JDBC
 * ({@code ./ticket-router users}); keep the columns in step with {@code UsersCommand.DDL}.
 */
@Entity
@Table(name = "tr_user", indexes = @Index(name = UserAccount.KEY_INDEX, columnList = "username_key", unique = true))
public class UserAccount {

    /** The unique index on {@code username_key}. */
    public static final String KEY_INDEX = "tr_user_key_uq";

    @Id
    @Column(name = "username", length = 64, nullable = false, updatable = false)
    private String username;

    /**
     * The name as it is compared ({@link AccountRules#usernameKey}), unique. Null only in rows written before the
     * column existed until the start-up fills it in.
     */
    @Column(name = "username_key", length = 64)
    private String usernameKey;

    @Column(name = "role", length = 16, nullable = false)
    private String role;

    @Column(name = "password_hash", length = 255, nullable = false)
    private String passwordHash;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected UserAccount() {
        // for JPA
    }

    public UserAccount(String username, Role role, String passwordHash, Instant now) {
        this.username = Objects.requireNonNull(username, "username");
        this.usernameKey = AccountRules.usernameKey(username);
        this.role = role.wireName();
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String username() {
        return username;
    }

    /** The form under which the name is unique; null in rows the start-up has not filled in yet. */
    public String usernameKey() {
        return usernameKey;
    }

    /** Fills in the comparison form of a row written before the column existed. */
    public void assignUsernameKey() {
        this.usernameKey = AccountRules.usernameKey(username);
    }

    public Role role() {
        return Role.fromWire(role);
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public void changePassword(String newHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(newHash, "newHash");
        this.updatedAt = now;
    }

    public void changeRole(Role newRole, Instant now) {
        this.role = newRole.wireName();
        this.updatedAt = now;
    }
}
