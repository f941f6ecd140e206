package io.ticketrouter.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 password hashes in the format of Jakarta Security's {@code Pbkdf2PasswordHash}:
 * {@code algorithm:iterations:base64(salt):base64(hash)}. New hashes use PBKDF2-HMAC-SHA512 with 210,000 iterations
 * and a 16-byte random salt (OWASP's current recommendation); verification reads the parameters from the stored
 * value, so hashes written with other settings stay valid when the defaults are raised.
 *
 * <p>A hash costs a noticeable fraction of a second by design: the server computes one per sign-in or per first use
 * of HTTP Basic credentials, never per request (see the credential cache in the security infrastructure).
 */
public final class PasswordHasher {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    public static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String algorithm;
    private final int iterations;

    public PasswordHasher() {
        this(ALGORITHM, ITERATIONS);
    }

    /** Other settings, for tests and for operators who must follow a different policy. */
    public PasswordHasher(String algorithm, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.algorithm = algorithm;
        this.iterations = iterations;
    }

    /** A new salted hash of the password. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] key = derive(algorithm, password, salt, iterations, KEY_BYTES);
        Base64.Encoder b64 = Base64.getEncoder();
        return algorithm + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(key);
    }

    /**
     * Whether the password matches the stored hash (constant-time comparison). A malformed stored value never
     * matches.
     */
    public boolean verify(char[] password, String stored) {
        if (stored == null) {
            return false;
        }
        String[] parts = stored.split(":");
        if (parts.length != 4) {
            return false;
        }
        try {
            int rounds = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (rounds < 1 || expected.length == 0) {
                return false;
            }
            byte[] actual = derive(parts[0], password, salt, rounds, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String algorithm, char[] password, byte[] salt, int rounds, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, rounds, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unsupported password hash algorithm " + algorithm, e);
        } finally {
            spec.clearPassword();
        }
    }
}
