package io.ticketrouter.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The labelled ticket files a command reads as one data set ({@code train}, {@code import}). */
final class TicketFilesOption {

    @Option(
            names = "--data",
            required = true,
            paramLabel = "FILE",
            description = "Labelled tickets, CSV or JSON Lines (.jsonl); repeat to read several files as one set.")
    List<Path> files;
}
