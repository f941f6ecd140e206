package io.ticketrouter.it.fakemodel;

import io.ticketrouter.classification.ModelInfo;
import io.ticketrouter.classification.Prediction;
import io.ticketrouter.classification.TicketClassifier;
import io.ticketrouter.classification.TicketText;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Keyword rules instead of a trained model, and a bundle directory with two drawn charts for the model view.
 * Deterministic, so the browser tests know in advance which department and priority a text gets.
 */
public class FakeClassifier implements TicketClassifier {

    static final List<String> QUEUES = List.of("Technical Support", "Billing and Payments", "Customer Service",
            "Product Support", "Returns and Exchanges");
    static final List<String> PRIORITIES = List.of("high", "medium", "low");
    private static final Map<String, String> QUEUE_WORDS = Map.of(
            "invoice", "Billing and Payments", "payment", "Billing and Payments", "refund", "Returns and Exchanges",
            "return", "Returns and Exchanges", "server", "Technical Support", "crash", "Technical Support",
            "order", "Customer Service", "feature", "Product Support");

    private final ModelInfo info;

    public FakeClassifier() {
        try {
            Path dir = Files.createTempDirectory("fake-bundle");
            Path charts = Files.createDirectories(dir.resolve("charts"));
            chart(charts.resolve("queue-confusion.png"), true);
            chart(charts.resolve("accuracy-at-coverage.png"), false);
            Map<String, Double> thresholds = new LinkedHashMap<>();
            QUEUES.forEach(q -> thresholds.put(q, 0.55));
            Map<String, Object> evaluation = new LinkedHashMap<>();
            evaluation.put("test_tickets", 400);
            evaluation.put("queue_accuracy", 0.71);
            evaluation.put("priority_accuracy", 0.64);
            Map<String, Object> perQueue = new LinkedHashMap<>();
            QUEUES.forEach(q -> perQueue.put(q, Map.of("precision", 0.7, "recall", 0.68, "f1", 0.69, "support", 80)));
            evaluation.put("per_queue", perQueue);
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("trained_by", "browser-test stand-in (no real model)");
            provenance.put("data", Map.of("file", "none", "rows", 0));
            provenance.put("java_version", System.getProperty("java.version"));
            info = new ModelInfo("fake-0.0.1", 1, Instant.parse("2026-11-27T12:00:00Z"), dir, QUEUES, PRIORITIES,
                    thresholds, provenance, evaluation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chart(Path file, boolean matrix) throws IOException {
        BufferedImage image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 480, 320);
        if (matrix) {
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 5; c++) {
                    int v = r == c ? 60 : 220 - 20 * Math.abs(r - c);
                    g.setColor(new Color(v, v, 255));
                    g.fillRect(140 + c * 50, 30 + r * 50, 48, 48);
                }
            }
        } else {
            g.setColor(new Color(36, 86, 199));
            for (int i = 0; i < 10; i++) {
                g.fillRect(40 + i * 42, 290 - (150 + i * 12), 34, 150 + i * 12);
            }
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    @Override
    public Prediction classify(TicketText ticket) {
        String text = (ticket.subject() + " " + ticket.body()).toLowerCase(Locale.ROOT);
        String queue = "Customer Service";
        List<Prediction.Keyword> keywords = new ArrayList<>();
        for (Map.Entry<String, String> e : QUEUE_WORDS.entrySet()) {
            if (text.contains(e.getKey())) {
                queue = e.getValue();
                keywords.add(new Prediction.Keyword(e.getKey(), 0.42));
            }
        }
        keywords.add(new Prediction.Keyword("please", 0.05));
        String priority = text.contains("urgent") || text.contains("down") ? "high"
                : text.contains("when you can") ? "low" : "medium";
        Map<String, Double> queues = new LinkedHashMap<>();
        queues.put(queue, 0.62);
        QUEUES.stream().filter(q -> !queues.containsKey(q)).forEach(q -> queues.put(q, 0.38 / (QUEUES.size() - 1)));
        Map<String, Double> priorities = new LinkedHashMap<>();
        priorities.put(priority, 0.7);
        PRIORITIES.stream().filter(p -> !priorities.containsKey(p)).forEach(p -> priorities.put(p, 0.15));
        String language = text.matches(".*\\b(der|die|und|bitte)\\b.*") ? "de" : "en";
        return new Prediction(language, new Prediction.Label(queue, 0.62), new Prediction.Label(priority, 0.7),
                queues, priorities, keywords, text.contains("review") ? 0.9 : 0.55, info.version());
    }

    @Override
    public ModelInfo info() {
        return info;
    }
}
