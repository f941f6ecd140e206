package io.ticketrouter.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (session tokens, ticket status tokens, generated passwords) and their SHA-256 digests. Only digests
 * are stored: a copy of the database does not let anyone sign in or read a ticket's status.
 */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    private Tokens() {}

    /** 256 random bits, URL-safe Base64 without padding (43 characters). */
    public static String sessionToken() {
        return random(32);
    }

    /** 128 random bits, URL-safe Base64 without padding (22 characters). */
    public static String statusToken() {
        return random(16);
    }

    /** A password of unambiguous letters and digits (about 5.8 bits each). */
    public static String password(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(PASSWORD_ALPHABET[RANDOM.nextInt(PASSWORD_ALPHABET.length)]);
        }
        return b.toString();
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes (64 characters). */
    public static String digest(String token) {
        return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time comparison of two digests (or any two strings of the same shape). */
    public static boolean sameDigest(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
