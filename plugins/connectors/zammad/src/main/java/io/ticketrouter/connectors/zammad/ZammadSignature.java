package io.ticketrouter.connectors.zammad;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Zammad's webhook signature: {@code X-Hub-Signature: sha1=<hex HMAC-SHA1 of the raw request body>}, keyed with the
 * webhook's "HMAC SHA1 Signature Token" (Zammad's {@code lib/user_agent.rb}, {@code set_signature}).
 */
final class ZammadSignature {

    private ZammadSignature() {}

    /** The header value Zammad sends for this body. */
    static String header(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return "sha1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every JDK", e);
        }
    }

    /** Whether {@code header} is the signature of {@code body} (compared in constant time). */
    static boolean matches(String secret, byte[] body, String header) {
        String given = header.strip().toLowerCase(Locale.ROOT);
        return MessageDigest.isEqual(
                header(secret, body).getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }
}
