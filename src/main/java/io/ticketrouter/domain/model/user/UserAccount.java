package io.ticketrouter.domain.model.user;

import io.ticketrouter.domain.model.ticket.InstantConverter;
import io.ticketrouter.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
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
@Table(name = "tr_user")
public class UserAccount {

    @Id
    @Column(name = "username", length = 64, nullable = false, updatable = false)
    private String username;

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
        this.role = role.wireName();
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String username() {
        return username;
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
