package io.ticketrouter.domain.model.user;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** What user names and passwords must look like; the API and the command line give the same reasons. */
public final class AccountRules {

    public static final int PASSWORD_MIN = 12;
    public static final int PASSWORD_MAX = 200;
    public static final String USERNAME_RULE =
            "1 to 64 characters: letters, digits, '.', '_', '-' and '@', " + "starting with a letter or digit";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private AccountRules() {}

    /** Why the name is not allowed, or null when it is. */
    public static String usernameProblem(String username) {
        if (username == null || username.isEmpty()) {
            return "a user name is required (" + USERNAME_RULE + ")";
        }
        if (!USERNAME.matcher(username).matches()) {
            return "user name must be " + USERNAME_RULE;
        }
        return null;
    }

    /**
     * The form under which user names are unique: Unicode compatibility normalization (NFKC) and case folding, so
     * {@code ADMIN}, {@code Admin} and a full-width {@code ａｄｍｉｎ} are all the name {@code admin}. Stored beside the
     * name in a column with a unique index ({@code tr_user.username_key}).
     */
    public static String usernameKey(String username) {
        String nfkc = Normalizer.normalize(username, Normalizer.Form.NFKC);
        // full case folding is not in the JDK: upper then lower case folds the cases that differ (e.g. sharp s)
        String folded = nfkc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFKC);
    }

    /** Why the password is not allowed, or null when it is. */
    public static String passwordProblem(String password) {
        if (password == null || password.isEmpty()) {
            return "a password is required (" + PASSWORD_MIN + " to " + PASSWORD_MAX + " characters)";
        }
        int length = password.codePointCount(0, password.length());
        if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
            return "password must be " + PASSWORD_MIN + " to " + PASSWORD_MAX + " characters, got " + length;
        }
        if (password.isBlank()) {
            return "password must not be only spaces";
        }
        return null;
    }
}
