package io.ticketrouter.domain.model.user;

import io.ticketrouter.domain.model.ticket.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A signed-in browser (the {@code TR_SESSION} cookie). Only the SHA-256 digest of the token is stored; the token
 * itself exists in the browser alone. Kept in the database so every instance of a cluster accepts it.
 */
@Entity
@Table(name = "tr_session", indexes = @Index(name = "tr_session_user", columnList = "username"))
public class LoginSession {

    @Id
    @Column(name = "token_digest", length = 64, nullable = false, updatable = false)
    private String tokenDigest;

    @Column(name = "username", length = 64, nullable = false, updatable = false)
    private String username;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    protected LoginSession() {
        // for JPA
    }

    public LoginSession(String tokenDigest, String username, Instant createdAt, Instant expiresAt) {
        this.tokenDigest = tokenDigest;
        this.username = username;
        this.createdAt = InstantConverter.stored(createdAt);
        this.expiresAt = InstantConverter.stored(expiresAt);
    }

    public String tokenDigest() {
        return tokenDigest;
    }

    public String username() {
        return username;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
