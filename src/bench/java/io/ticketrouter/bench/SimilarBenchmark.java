package io.ticketrouter.bench;

import io.ticketrouter.classification.text.TextAnalyzer;
import io.ticketrouter.similarity.SimilarityIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One similar-ticket look-up in the server's Lucene index, in process (no HTTP, no database): the five nearest of a
 * random stored ticket, as {@code GET /api/tickets/{reference}/similar} asks the index for them (five and five spare).
 * The index is a copy of a server's {@code similar-index} directory, for example the one
 * {@code src/bench/similar-scale.sh} leaves with 100,000 tickets (stop the server first: the index is opened for
 * writing).
 *
 * <pre>
 * mvn -q -B -Pbench -DskipTests package
 * java -cp "target/bench/classes:target/bench/cli-lib/*" org.openjdk.jmh.Main SimilarBenchmark \
 *     -p index=/tmp/similar-scale/data/similar-index
 * </pre>
 * {@code storedTicket} asks for the nearest of a random stored ticket, whose terms are read from the index (the
 * server's path for a stored ticket); {@code analysedText} asks for the nearest of one of five short texts of our own in
 * the five languages, analysed per call (the path for a text that is not stored, e.g. predict with
 * {@code "similar": true}).
 */
public class SimilarBenchmark extends LatencyBenchmark {

    @Param("/tmp/similar-scale/data/similar-index")
    public String index;

    /** Results asked of the index: the API's default of five, and five spare. */
    @Param("10")
    public int limit;

    private SimilarityIndex similar;
    private int tickets;
    private final SplittableRandom random = new SplittableRandom(42);

    private static final List<String> TEXTS = List.of(
            "Invoice charged twice. Hello, my credit card was charged twice for the March invoice, please refund it.",
            "Server nicht erreichbar. Seit dem Update gestern ist unser Server nicht mehr erreichbar.",
            "Problema con la factura. La factura de este mes tiene un importe incorrecto.",
            "Connexion impossible. Je ne peux plus me connecter à mon compte depuis la mise à jour.",
            "Dúvida sobre o produto. Gostaria de saber se o novo modelo é compatível com o software.");

    private static final List<String> LANGUAGES = List.of("en", "de", "es", "fr", "pt");

    @Setup(Level.Trial)
    public void open() throws Exception {
        similar = SimilarityIndex.open(Path.of(index), new TextAnalyzer(true));
        tickets = similar.size();
        if (tickets == 0 || similar.startedEmpty()) {
            throw new IllegalStateException("no index in " + index);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        similar.close();
    }

    @Benchmark
    public Object storedTicket() {
        return similar.nearest("", "en", 1 + random.nextInt(tickets), limit);
    }

    @Benchmark
    public Object analysedText() {
        int i = random.nextInt(TEXTS.size());
        return similar.nearest(TEXTS.get(i), LANGUAGES.get(i), -1, limit);
    }
}
