package io.ticketrouter.bench;

import io.ticketrouter.classification.TicketClassifier;
import io.ticketrouter.classification.TicketText;
import io.ticketrouter.classification.bundle.ModelBundles;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * In-process classification of one ticket (language detection, tokenization, TF-IDF, class scores,
 * both forests, calibration and the decision-path explanation), as the server calls it. Sample mode
 * gives the latency distribution; JMH prints p0.50 / p0.90 / p0.99 per ticket.
 *
 * <pre>
 * mvn -q -B -Pbench -DskipTests package
 * java -cp "target/bench/classes:target/bench/cli-lib/*" org.openjdk.jmh.Main ClassifyBenchmark -p bundle=/path/to/bundle
 * </pre>
 * Tickets are our own short texts in the five languages, cycled per call; {@code language} is not
 * given, so detection is included.
 */
public class ClassifyBenchmark extends LatencyBenchmark {

    @Param("models")
    public String bundle;

    private TicketClassifier classifier;
    private int next;

    private static final List<TicketText> TICKETS = List.of(
            TicketText.of(
                    "Invoice charged twice",
                    "Hello, my credit card was charged twice for the March invoice. "
                            + "Please refund the duplicate payment as soon as possible. Thank you."),
            TicketText.of(
                    "Server nicht erreichbar",
                    "Guten Tag, seit dem Update gestern ist unser Server nicht mehr erreichbar "
                            + "und die Anwendung zeigt einen Datenbankfehler. Bitte helfen Sie uns schnell."),
            TicketText.of(
                    "Problema con la factura",
                    "Hola, la factura de este mes tiene un importe incorrecto y necesito "
                            + "una factura corregida para nuestra contabilidad."),
            TicketText.of(
                    "Connexion impossible",
                    "Bonjour, je ne peux plus me connecter à mon compte depuis la mise à jour "
                            + "du logiciel. La réinitialisation du mot de passe échoue."),
            TicketText.of(
                    "Dúvida sobre o produto",
                    "Olá, gostaria de saber se o novo modelo é compatível com o software "
                            + "que já utilizamos e qual é o prazo de entrega."));

    @Setup(Level.Trial)
    public void load() throws Exception {
        classifier = ModelBundles.load(Path.of(bundle));
        ModelBundles.warmUp(classifier);
    }

    @Benchmark
    public Object classifyOneTicket() {
        TicketText t = TICKETS.get(next);
        next = (next + 1) % TICKETS.size();
        return classifier.classify(t);
    }
}
