package io.ticketrouter.infrastructure.mail;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The mail servers of the channel, as {@code ticketrouter.mail.*} configures them: where the mailbox is read (IMAP)
 * and where mails are sent (SMTP), each off when not configured, and the problems that keep one off.
 */
record MailChannel(
        Server imap,
        String folder,
        Server smtp,
        String from,
        Duration poll,
        long maxBytes,
        String processedFolder,
        String quarantineFolder,
        List<String> problems) {

    /** How long a connection, a read or a write may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    boolean receiving() {
        return imap != null;
    }

    boolean sending() {
        return smtp != null && from != null;
    }

    /**
     * A mail server: protocol ({@code imap}, {@code imaps}, {@code smtp}, {@code smtps}), host, port, and the login
     * (none for an SMTP relay that needs none).
     */
    record Server(String protocol, String host, int port, String user, String password) {

        /** The Jakarta Mail properties of a session that talks to this server. */
        Properties properties() {
            Properties p = new Properties();
            String key = "mail." + protocol + ".";
            p.setProperty(key + "host", host);
            p.setProperty(key + "port", String.valueOf(port));
            p.setProperty(key + "connectiontimeout", String.valueOf(TIMEOUT.toMillis()));
            p.setProperty(key + "timeout", String.valueOf(TIMEOUT.toMillis()));
            p.setProperty(key + "writetimeout", String.valueOf(TIMEOUT.toMillis()));
            if (!protocol.endsWith("s")) {
                p.setProperty(key + "starttls.enable", "true"); // TLS when the server offers it
            }
            if (protocol.startsWith("imap")) {
                p.setProperty("mail.mime.allowutf8", "true"); // headers in UTF-8 (RFC 6532), as SMTPUTF8 mail has them
            }
            if (protocol.startsWith("smtp")) {
                p.setProperty(key + "auth", String.valueOf(user != null));
            }
            return p;
        }

        /** The server as the log shows it: never the password. */
        String shown() {
            return protocol + "://" + (user == null ? "" : user + "@") + host + ":" + port;
        }
    }

    /**
     * Reads a mail server's URL: {@code imap[s]://user:password@host[:port][/folder]} or
     * {@code smtp[s]://[user:password@]host[:port]}; {@code password}, when given, replaces the URL's (a Payara
     * password alias, say). Null when the URL is blank; a problem is added when it cannot be used.
     *
     * @param folderOut receives the IMAP folder (default {@code INBOX})
     */
    static Server server(
            String key, String url, String password, boolean imap, List<String> problems, String[] folderOut) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            problems.add(key + " is not a URL: " + e.getMessage().replaceAll("//[^@/]*@", "//***@"));
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        List<String> allowed = imap ? List.of("imap", "imaps") : List.of("smtp", "smtps");
        if (!allowed.contains(scheme)) {
            problems.add(key + " must start with " + String.join("://, ", allowed) + "://, got \"" + scheme + "\"");
            return null;
        }
        if (uri.getHost() == null) {
            problems.add(key + " names no host (for example " + scheme + "://support@mail.example.com)");
            return null;
        }
        String user = null;
        String secret = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            secret = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
        }
        if (password != null && !password.isEmpty()) {
            secret = password;
        }
        if (imap && (user == null || secret == null)) {
            problems.add(key + " needs the mailbox's login: " + scheme + "://user:password@host/INBOX (or the"
                    + " password in " + key.replace(".url", ".password") + ")");
            return null;
        }
        int port = uri.getPort() > 0
                ? uri.getPort()
                : switch (scheme) {
                    case "imap" -> 143;
                    case "imaps" -> 993;
                    case "smtps" -> 465;
                    default -> 587;
                };
        if (imap) {
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+", "");
            folderOut[0] = path.isEmpty() ? "INBOX" : path;
        }
        return new Server(scheme, uri.getHost(), port, user, secret);
    }
}
