package io.ticketrouter.routing;

import io.ticketrouter.application.PluginStatus;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The plugins of one load, immutable: every plugin found (active, failed or disabled), the active rules in their
 * order, and the keyword matcher built from the active keyword lists. A reload builds a new snapshot and swaps it
 * in; requests that started with the old one finish with it.
 */
final class PluginSnapshot implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PluginSnapshot.class.getName());

    final long generation;
    /** Every plugin found, in discovery order. */
    final List<PluginRecord> all;
    /** Active routing rules, lowest order first, ties by name. */
    final List<PluginRecord> rules;
    /** Active keyword lists, in discovery order. */
    final List<PluginRecord> keywordLists;
    /** Active helpdesk connectors, in discovery order. */
    final List<PluginRecord> connectors;

    final KeywordMatcher matcher;
    /** Problems that are not a single plugin's, for example configuration for a plugin that does not exist. */
    final List<String> warnings;

    private final List<URLClassLoader> loaders;
    private final Path copies;

    PluginSnapshot(
            long generation,
            List<PluginRecord> all,
            KeywordMatcher matcher,
            List<String> warnings,
            List<URLClassLoader> loaders,
            Path copies) {
        this.generation = generation;
        this.all = List.copyOf(all);
        this.rules = all.stream()
                .filter(p -> p.isActive() && PluginStatus.ROUTING_RULE.equals(p.identity.kind()))
                .sorted(Comparator.comparingInt((PluginRecord p) -> p.order).thenComparing(p -> p.identity.name()))
                .toList();
        this.keywordLists = all.stream()
                .filter(p -> p.isActive() && PluginStatus.URGENT_KEYWORDS.equals(p.identity.kind()))
                .toList();
        this.connectors = all.stream()
                .filter(p -> p.isActive() && PluginStatus.HELPDESK_CONNECTOR.equals(p.identity.kind()))
                .toList();
        this.matcher = matcher;
        this.warnings = List.copyOf(warnings);
        this.loaders = List.copyOf(loaders);
        this.copies = copies;
    }

    List<PluginStatus> statuses() {
        return all.stream().map(PluginRecord::status).toList();
    }

    PluginRecord keywordList(String name) {
        return keywordLists.stream()
                .filter(p -> p.identity.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    PluginRecord connector(String name) {
        return connectors.stream()
                .filter(p -> p.identity.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** Closes the plugin jars' class loaders and deletes their copies. */
    @Override
    public void close() {
        for (URLClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "closing a plugin class loader failed", e);
            }
        }
        if (copies != null) {
            try (Stream<Path> files = Files.walk(copies)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                LOG.log(Level.FINE, "deleting plugin copies in " + copies + " failed", e);
            }
        }
    }
}
