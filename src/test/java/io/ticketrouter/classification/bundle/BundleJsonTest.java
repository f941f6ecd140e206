package io.ticketrouter.classification.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.classification.evaluation.EvaluationReport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BundleJsonTest {

    record Sample(
            int formatVersion, String modelVersion, Instant trainedAt, double[] knots, Map<String, Double> queue) {}

    @Test
    void doublesReadBackToTheSameBits() {
        Random random = new Random(7);
        List<Double> values = new ArrayList<>(List.of(
                0.1 + 0.2,
                1.0 / 3,
                1e-300,
                Double.MIN_VALUE,
                Double.MAX_VALUE,
                -0.0,
                0.0,
                1.0,
                2.5e15,
                123456789.0,
                -7.25e-5));
        for (int i = 0; i < 1000; i++) {
            values.add(Double.longBitsToDouble(random.nextLong()));
            values.add(random.nextDouble());
        }
        values.removeIf(v -> v.isNaN() || v.isInfinite());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("values", values);
        List<?> back = (List<?>) BundleJson.readObject(BundleJson.write(m)).get("values");
        assertEquals(values.size(), back.size());
        for (int i = 0; i < values.size(); i++) {
            assertEquals(
                    Double.doubleToLongBits(values.get(i)),
                    Double.doubleToLongBits(((Number) back.get(i)).doubleValue()),
                    () -> "value " + values);
        }
    }

    @Test
    void recordsAreWrittenWithSnakeCaseKeysInComponentOrderAndReadBack() {
        Sample s = new Sample(
                1,
                "v",
                Instant.parse("2026-01-02T03:04:05Z"),
                new double[] {0.25, 1.0},
                new LinkedHashMap<>(Map.of("Billing", 0.5)));
        String text = BundleJson.write(s);
        assertEquals("""
                {
                  "format_version": 1,
                  "model_version": "v",
                  "trained_at": "2026-01-02T03:04:05Z",
                  "knots": [0.25, 1.0],
                  "queue": {
                    "Billing": 0.5
                  }
                }""", text);
        Sample back = BundleJson.read(text.getBytes(StandardCharsets.UTF_8), Sample.class);
        assertEquals(s.trainedAt(), back.trainedAt());
        assertEquals(s.queue(), back.queue());
        assertEquals(List.of(0.25, 1.0), List.of(back.knots()[0], back.knots()[1]));
        assertEquals(
                List.of("format_version", "model_version", "trained_at", "knots", "queue"),
                List.copyOf(BundleJson.toMap(s).keySet()));
    }

    @Test
    void readingIsStrict() {
        IllegalArgumentException trailing =
                assertThrows(IllegalArgumentException.class, () -> BundleJson.readObject("{\"a\": 1} x"));
        assertTrue(trailing.getMessage().contains("line 1"), trailing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BundleJson.readObject("{\"a\": 1, \"a\": 2}"));
        assertThrows(IllegalArgumentException.class, () -> BundleJson.readObject("{\"a\": 1,"));
        assertThrows(IllegalArgumentException.class, () -> BundleJson.readObject("[1]"));
        byte[] wrongType = "{\"format_version\": \"1\"}".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> BundleJson.read(wrongType, Sample.class));
        byte[] fraction = "{\"format_version\": 1.5}".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> BundleJson.read(fraction, Sample.class));
        byte[] missing = "{\"model_version\": \"v\"}".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> BundleJson.read(missing, Sample.class));
    }

    @Test
    void figuresWithoutAValueKeepTheirKeyButMissingReviewThresholdsAreLeftOut() {
        EvaluationReport.CoveragePoint none = new EvaluationReport.CoveragePoint(0.9, 0.0, null, 0);
        assertEquals(
                Arrays.asList(0.9, 0.0, null, 0),
                new ArrayList<>(BundleJson.toMap(none).values()));
        EvaluationReport.TargetFigures priority = new EvaluationReport.TargetFigures(
                1, 1, 1, Map.of(), new EvaluationReport.Confusion(List.of(), List.of()), 0, List.of(none), null);
        assertEquals(
                List.of("accuracy", "macro_f1", "weighted_f1", "per_class", "confusion", "ece", "accuracy_at_coverage"),
                List.copyOf(BundleJson.toMap(priority).keySet()));
    }

    @Test
    void emptyContainersAndNullsAreWrittenCompactly() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("none", null);
        m.put("list", List.of());
        m.put("map", Map.of());
        m.put("objects", List.of(Map.of("a", 1)));
        assertEquals("""
                {
                  "none": null,
                  "list": [],
                  "map": {},
                  "objects": [{
                    "a": 1
                  }]
                }""", BundleJson.write(m));
    }
}
