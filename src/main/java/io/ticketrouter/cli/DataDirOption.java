package io.ticketrouter.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The server's data directory, for the commands that work on its ticket database ({@code import}, {@code export},
 * {@code users}).
 */
final class DataDirOption {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "The server's data directory (embedded H2 under DIR/db); ignored when ticketrouter.db.url "
                    + "is set (default: var/ in the repository).")
    Path given;

    /** The directory in effect: {@code --data-dir}, else {@code ticketrouter.data.dir}, else var/ in the repository. */
    Path dataDir() {
        return Installation.dataDir(given);
    }
}
