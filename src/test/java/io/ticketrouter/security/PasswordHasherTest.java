package io.ticketrouter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.domain.model.user.AccountRules;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /** Few iterations keep the tests fast; the format and the check are the same. */
    private final PasswordHasher fast = new PasswordHasher(PasswordHasher.ALGORITHM, 1_000);

    @Test
    void theDefaultIsPbkdf2Sha512With210000IterationsInJakartaSecuritysFormat() {
        String hash = new PasswordHasher().hash("correct horse battery".toCharArray());
        String[] parts = hash.split(":");
        assertEquals(4, parts.length, hash);
        assertEquals("PBKDF2WithHmacSHA512", parts[0]);
        assertEquals("210000", parts[1]);
        assertEquals(16, java.util.Base64.getDecoder().decode(parts[2]).length, "16-byte salt");
        assertEquals(64, java.util.Base64.getDecoder().decode(parts[3]).length, "64-byte key");
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = fast.hash("s3cret-password".toCharArray());
        assertTrue(fast.verify("s3cret-password".toCharArray(), hash));
        assertFalse(fast.verify("s3cret-passwore".toCharArray(), hash));
        assertFalse(fast.verify("".toCharArray(), hash));
        assertFalse(hash.contains("s3cret"));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertNotEquals(fast.hash("same-password-1".toCharArray()), fast.hash("same-password-1".toCharArray()));
    }

    @Test
    void parametersComeFromTheStoredValueSoOldHashesStayValid() {
        String old = new PasswordHasher("PBKDF2WithHmacSHA256", 500).hash("kept-password-1".toCharArray());
        assertTrue(fast.verify("kept-password-1".toCharArray(), old));
    }

    @Test
    void malformedStoredValuesNeverMatch() {
        for (String stored : new String[] {
            null,
            "",
            "plain",
            "a:b:c",
            "PBKDF2WithHmacSHA512:x:AAAA:AAAA",
            "PBKDF2WithHmacSHA512:0:AAAA:AAAA",
            "PBKDF2WithHmacSHA512:10:!!!:AAAA",
            "Nope:10:AAAA:AAAA"
        }) {
            try {
                assertFalse(fast.verify("anything".toCharArray(), stored), String.valueOf(stored));
            } catch (IllegalArgumentException e) {
                assertTrue(stored.startsWith("Nope"), "only an unknown algorithm may throw: " + stored);
            }
        }
    }

    @Test
    void accountRulesExplainWhatIsAllowed() {
        assertNull(AccountRules.usernameProblem("agent.smith@example.com"));
        assertTrue(AccountRules.usernameProblem("").contains("required"));
        assertTrue(AccountRules.usernameProblem("-dash").contains("starting with a letter or digit"));
        assertTrue(AccountRules.usernameProblem("a b").contains("letters, digits"));
        assertTrue(AccountRules.usernameProblem("x".repeat(65)).contains("1 to 64"));
        assertNull(AccountRules.passwordProblem("twelve chars"));
        assertTrue(AccountRules.passwordProblem("eleven char").contains("12 to 200 characters, got 11"));
        assertTrue(AccountRules.passwordProblem(" ".repeat(12)).contains("only spaces"));
    }

    @Test
    void tokensAreRandomAndOnlyTheirDigestIsKept() {
        String a = Tokens.sessionToken();
        String b = Tokens.sessionToken();
        assertNotEquals(a, b);
        assertEquals(43, a.length());
        assertEquals(22, Tokens.statusToken().length());
        assertEquals(64, Tokens.digest(a).length());
        assertTrue(Tokens.sameDigest(Tokens.digest(a), Tokens.digest(a)));
        assertFalse(Tokens.sameDigest(Tokens.digest(a), Tokens.digest(b)));
        assertFalse(Tokens.sameDigest(null, Tokens.digest(b)));
    }
}
