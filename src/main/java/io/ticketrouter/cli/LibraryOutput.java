package io.ticketrouter.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the libraries' own chatter off a command's output: OpenNLP and Flyway log through SLF4J, bound to
 * {@code java.util.logging} (slf4j-jdk14), and only their warnings reach the console; Weka's package manager, on its
 * first use, prints a warning about native linear-algebra jars (mtj, arpack) that Ticket Router does not use (its
 * forests need no matrix library), which is dropped.
 */
final class LibraryOutput {

    /** Held so that the level set on the logger is not lost when the logger is garbage collected. */
    private static final Logger OPENNLP = Logger.getLogger("opennlp");

    /** Flyway, migrating the database schema for {@code users}, says what it did at INFO: only its warnings show. */
    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

    private static final String WEKA_NATIVE_PROBE = "WARNING: core mtj jar files are not available";

    private LibraryOutput() {}

    static void quiet() {
        OPENNLP.setLevel(Level.WARNING);
        FLYWAY.setLevel(Level.WARNING);
        PrintStream out = System.out;
        System.setOut(new PrintStream(new DroppingLine(out, WEKA_NATIVE_PROBE), true, Charset.defaultCharset()));
        try {
            Class.forName("weka.core.WekaPackageManager", true, LibraryOutput.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // Weka is not on this class path (or cannot start): the command that needs it says so itself
        } finally {
            System.out.flush();
            System.setOut(out);
        }
    }

    /** Passes everything through, line by line, except lines that start with the given text. */
    private static final class DroppingLine extends FilterOutputStream {
        private final byte[] prefix;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        DroppingLine(OutputStream out, String prefix) {
            super(out);
            this.prefix = prefix.getBytes(Charset.defaultCharset());
        }

        @Override
        public void write(int b) throws IOException {
            line.write(b);
            if (b == '\n') {
                flushLine();
            }
        }

        @Override
        public void flush() throws IOException {
            flushLine();
            super.flush();
        }

        private void flushLine() throws IOException {
            byte[] bytes = line.toByteArray();
            line.reset();
            if (!startsWith(bytes)) {
                out.write(bytes);
            }
        }

        private boolean startsWith(byte[] bytes) {
            if (bytes.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (bytes[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
