package io.ticketrouter.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** The integration tests' own directories under {@link TestServer#WORK}: emptied, created and copied. */
final class WorkDirs {

    private WorkDirs() {}

    /** {@code TestServer.WORK/name}, emptied of what an earlier run left there and created. */
    static Path fresh(String name) throws IOException {
        Path dir = TestServer.WORK.resolve(name);
        delete(dir);
        return Files.createDirectories(dir);
    }

    /** Deletes the directory and everything in it; nothing when it does not exist. */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Copies the tree {@code from} into {@code to}, replacing files that are there already. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
