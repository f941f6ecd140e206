package io.ticketrouter.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ticket-router}: the command-line entry point. Exit codes: 0 success, 2 bad usage,
 * 1 bad data or any other failure — always with a one-line reason on stderr.
 *
 * <p>Subcommands inherit {@code --help}, {@code --version}, declaration-order options and the "Default:" line that
 * picocli adds to every option with a default value.
 */
@Command(
        name = "ticket-router",
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        versionProvider = TicketRouterCommand.Version.class,
        description = "Multilingual support-ticket classification: train, evaluate and try model bundles.",
        subcommands = CommandLine.HelpCommand.class)
public final class TicketRouterCommand implements Runnable {

    /** Subcommands in the order shown by --help; add new ones (e.g. serve) here. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            TrainCommand.class,
            EvaluateCommand.class,
            ClassifyCommand.class,
            ServeCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            UsersCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "missing subcommand (one of: train, evaluate, classify, serve, import, export, users)");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        LibraryOutput.quiet();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TicketRouterCommand());
        for (Class<?> sub : SUBCOMMANDS) {
            cl.addSubcommand(sub);
        }
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            String name = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(name + ": " + CliFailure.oneLine(ex.getMessage()) + " (see " + name + " --help)");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println(reason(ex));
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cl;
    }

    static String reason(Throwable ex) {
        if (ex instanceof CliFailure
                || ex instanceof io.ticketrouter.classification.data.DataException
                || ex instanceof io.ticketrouter.classification.BundleException) {
            return CliFailure.oneLine(ex.getMessage());
        }
        String message = ex.getMessage() == null
                ? ex.getClass().getSimpleName()
                : ex.getClass().getSimpleName() + ": " + ex.getMessage();
        return "ticket-router: " + CliFailure.oneLine(message);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = TicketRouterCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Ticket Router " + (v == null ? "1.0.0-SNAPSHOT" : v)};
        }
    }
}
