package io.ticketrouter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.classification.bundle.ModelBundles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle trained on the shipped sample tickets, under any file name, or with --demo, is a demo model. */
class TrainCommandTest {

    private static final Path SMALL = Path.of("src/test/resources/fixtures/tickets-small.csv");

    /** Trains a small bundle and answers what it printed on stdout. */
    private static String train(Path data, Path out, String... more) {
        PrintStream before = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            String[] base = {"train", "--data", data.toString(), "--out", out.toString(), "--trees", "3", "--no-charts"
            };
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(more))
                    .toArray(String[]::new);
            assertEquals(0, TicketRouterCommand.commandLine().execute(args), "train exit code");
        } finally {
            System.setOut(before);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static boolean demo(Path bundle) throws Exception {
        return ModelBundles.load(bundle).info().demo();
    }

    @Test
    void theSampleTicketsMakeADemoModelUnderAnyFileName(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("our-history.csv");
        Files.copy(SampleData.file(), copy);
        String printed = train(copy, dir.resolve("bundle"));
        assertTrue(demo(dir.resolve("bundle")), "trained on a copy of data/sample/tickets.csv");
        assertTrue(printed.contains("(a demo model: trained on sample tickets)"), printed);
        String provenance = Files.readString(dir.resolve("bundle/provenance.json"));
        assertTrue(provenance.matches("(?s).*\"demo\"\\s*:\\s*true.*"), "provenance.json records it: " + provenance);
    }

    @Test
    void anExportInJsonLinesIsTrainedAndEvaluatedWithItsOwnKeys(@TempDir Path dir) throws Exception {
        StringBuilder jsonl = new StringBuilder();
        for (io.ticketrouter.classification.data.TicketRecord r :
                io.ticketrouter.classification.data.TicketCsvReader.read(SMALL).records()) {
            jsonl.append(jakarta.json.Json.createObjectBuilder()
                            .add("Summary", r.subject())
                            .add("Description", r.body())
                            .add("Component", r.queue())
                            .add("Priority", r.priority().toUpperCase(java.util.Locale.ROOT))
                            .build())
                    .append('\n');
        }
        Path export = dir.resolve("export.jsonl");
        Files.writeString(export, jsonl);
        String[] keys = {
            "--subject-column", "Summary", "--body-column", "Description",
            "--queue-column", "Component", "--priority-column", "Priority"
        };
        String printed = train(export, dir.resolve("bundle"), keys);
        int rows =
                io.ticketrouter.classification.data.TicketCsvReader.read(SMALL).size();
        assertEquals(
                rows,
                ModelBundles.load(dir.resolve("bundle")).info().provenance().get("rows"),
                printed);
        String[] evaluate = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(
                                "evaluate",
                                "--model",
                                dir.resolve("bundle").toString(),
                                "--data",
                                export.toString(),
                                "--json"),
                        java.util.Arrays.stream(keys))
                .toArray(String[]::new);
        assertEquals(0, TicketRouterCommand.commandLine().execute(evaluate), "evaluate exit code");
    }

    @Test
    void otherTicketsMakeARealModelUnlessMarked(@TempDir Path dir) throws Exception {
        String printed = train(SMALL, dir.resolve("real"));
        assertFalse(demo(dir.resolve("real")), "the team's own tickets");
        assertFalse(printed.contains("demo"), printed);
        train(SMALL, dir.resolve("marked"), "--demo");
        assertTrue(demo(dir.resolve("marked")), "--demo marks it");
    }
}
