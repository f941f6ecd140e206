package io.ticketrouter.bench;

import io.ticketrouter.application.PredictionView;
import io.ticketrouter.application.TicketView;
import io.ticketrouter.domain.model.ticket.Keyword;
import io.ticketrouter.domain.model.ticket.RoutingDecision;
import io.ticketrouter.interfaces.json.ApiJson;
import io.ticketrouter.interfaces.rest.PredictionWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The answer of {@code POST /api/predict} written two ways, in one run: the streaming {@link PredictionWriter} the
 * API uses, and the application's JSON-B ({@link ApiJson}, Yasson) binding the same record, the reference. Both
 * write the same document (checked in {@link #check}); the figure to read is the ratio of their times.
 *
 * <pre>
 * mvn -q -B -Pbench -DskipTests package
 * java -cp "target/bench/classes:target/bench/cli-lib/*" org.openjdk.jmh.Main PredictionJsonBenchmark
 * </pre>
 * The prediction is one of our own, of the size the shared-split model answers: 10 queues, 3 priorities, 10 keywords,
 * two routing decisions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PredictionJsonBenchmark {

    private final PredictionWriter writer = new PredictionWriter();
    private PredictionView view;

    @Setup
    public void check() {
        Map<String, Double> queues = new LinkedHashMap<>();
        String[] names = {
            "Billing and Payments",
            "Customer Service",
            "General Inquiry",
            "Human Resources",
            "IT Support",
            "Product Support",
            "Returns and Exchanges",
            "Sales and Pre-Sales",
            "Service Outages and Maintenance",
            "Technical Support"
        };
        for (int i = 0; i < names.length; i++) {
            queues.put(names[i], (i + 1) / 55.0);
        }
        List<Keyword> keywords = List.of(
                new Keyword("invoice", 0.309),
                new Keyword("charged", 0.044),
                new Keyword("charge", 0.035),
                new Keyword("refund", 0.011),
                new Keyword("twice", 0.008),
                new Keyword("payment", 0.007),
                new Keyword("card", 0.006),
                new Keyword("credit", 0.005),
                new Keyword("march", 0.004),
                new Keyword("duplicate", 0.003));
        view = new PredictionView(
                "en",
                new TicketView.Scored("Billing and Payments", 0.62),
                new TicketView.Scored("medium", 0.48),
                queues,
                Map.of("high", 0.3, "medium", 0.48, "low", 0.22),
                keywords,
                "Route to Billing and Payments with medium priority.",
                false,
                0.46,
                false,
                List.of(
                        new RoutingDecision("low-confidence", "no change", "confident enough"),
                        new RoutingDecision("vip-senders", "priority: medium -> high", "sender is a VIP")),
                "20261202T071523Z-692eb2a34b",
                "Billing and Payments",
                "high");
        String streamed = new String(streaming(), StandardCharsets.UTF_8);
        String bound = new String(binding(), StandardCharsets.UTF_8);
        var a = jakarta.json.Json.createReader(new java.io.StringReader(streamed))
                .readValue();
        var b = jakarta.json.Json.createReader(new java.io.StringReader(bound)).readValue();
        if (!a.equals(b)) {
            throw new IllegalStateException("the two ways write different documents:\n" + streamed + "\n" + bound);
        }
    }

    @Benchmark
    public byte[] streaming() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        writer.writeTo(view, PredictionView.class, PredictionView.class, null, null, null, out);
        return out.toByteArray();
    }

    @Benchmark
    public byte[] binding() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        ApiJson.JSONB.toJson(view, out);
        return out.toByteArray();
    }
}
