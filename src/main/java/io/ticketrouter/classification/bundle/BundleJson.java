package io.ticketrouter.classification.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.ticketrouter.classification.evaluation.EvaluationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * JSON for the bundle's files and the command line's {@code --json} output, through one configured Jackson mapper.
 *
 * <p>Records map to objects with snake_case keys in component order ({@code skippedRows} is {@code "skipped_rows"});
 * maps keep their order. Doubles are written as {@link Double#toString(double)} writes them, which reads back to the
 * same value; {@link Instant}s as ISO-8601 strings; {@link BundleEvaluation} as {@code evaluation.json} lays it out;
 * {@link EvaluationReport.TargetFigures#reviewThresholds()} only when there are thresholds. Reading is strict: one
 * JSON value and nothing after it, no duplicate keys, no strings or fractions where a number, boolean or integer is
 * expected, no missing numbers or booleans. Text is indented by two spaces, with {@code "key": value} and arrays on
 * one line.
 */
public final class BundleJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .withConfigOverride(
                    EvaluationReport.TargetFigures.class,
                    o -> o.setInclude(
                            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS)))
            .addModule(new SimpleModule("bundle")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new InstantDeserializer())
                    .addSerializer(BundleEvaluation.class, new EvaluationSerializer())
                    .addDeserializer(BundleEvaluation.class, new EvaluationDeserializer()))
            .build();

    private static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private BundleJson() {}

    /** The value as indented JSON text (no trailing newline). */
    public static String write(Object value) {
        try {
            return PRETTY.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The value as a JSON file: indented text and a final newline, UTF-8. */
    static byte[] file(Object value) {
        return (write(value) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a JSON object into a map (nested objects are maps, arrays lists; integers are Integer or Long, other
     * numbers Double).
     *
     * @throws IllegalArgumentException when the text is not one JSON object; the message says what and where
     */
    public static Map<String, Object> readObject(String text) {
        try {
            return MAPPER.readValue(text, OBJECT);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
    }

    /** Reads JSON text (UTF-8) as a tree. @throws IllegalArgumentException when it is not one JSON value */
    static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    /** Reads JSON text (UTF-8) into {@code type}. @throws IllegalArgumentException when it is not JSON of that shape */
    static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    /** Maps a tree read by {@link #tree} into {@code type}. @throws IllegalArgumentException when the shape differs */
    static <T> T read(JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
    }

    /** The map that the value's JSON object reads back to with {@link #readObject} (same keys, order and numbers). */
    public static Map<String, Object> toMap(Object value) {
        try {
            return MAPPER.readValue(MAPPER.writeValueAsBytes(value), OBJECT);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getSimpleName() + " as a JSON object: " + e.getMessage(), e);
        }
    }

    /** "not valid JSON (...)" for a syntax error, "unexpected content (...)" for JSON of another shape; with the place. */
    private static IllegalArgumentException invalid(IOException e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        JsonLocation where = e instanceof JsonProcessingException j ? j.getLocation() : null;
        if (where != null && where.getLineNr() > 0) {
            message += " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        }
        return new IllegalArgumentException(
                (e instanceof DatabindException ? "unexpected content (" : "not valid JSON (") + message + ")", e);
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        printer.indentArraysWith(DefaultPrettyPrinter.NopIndenter.instance);
        return printer;
    }

    private static final class InstantDeserializer extends StdScalarDeserializer<Instant> {

        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            try {
                return Instant.parse(p.getText());
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getText(), "not an ISO-8601 instant");
            }
        }
    }

    /** {@code {"out_of_bag": {<report>, "uncalibrated_ece": {...}}, "test": {"file": name, <report>}}}. */
    private static final class EvaluationSerializer extends StdSerializer<BundleEvaluation> {

        EvaluationSerializer() {
            super(BundleEvaluation.class);
        }

        @Override
        public void serialize(BundleEvaluation e, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            if (e.outOfBag() != null) {
                ObjectNode oob = MAPPER.valueToTree(e.outOfBag());
                if (e.uncalibratedEce() != null) {
                    oob.set("uncalibrated_ece", MAPPER.valueToTree(e.uncalibratedEce()));
                }
                gen.writeFieldName("out_of_bag");
                provider.defaultSerializeValue(oob, gen);
            }
            if (e.test() != null) {
                ObjectNode test = MAPPER.createObjectNode().put("file", e.testFile());
                test.setAll((ObjectNode) MAPPER.valueToTree(e.test()));
                gen.writeFieldName("test");
                provider.defaultSerializeValue(test, gen);
            }
            gen.writeEndObject();
        }
    }

    private static final class EvaluationDeserializer extends StdDeserializer<BundleEvaluation> {

        EvaluationDeserializer() {
            super(BundleEvaluation.class);
        }

        @Override
        public BundleEvaluation deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode root = ctxt.readTree(p);
            ObjectNode oob = part(root, "out_of_bag", ctxt);
            ObjectNode test = part(root, "test", ctxt);
            JsonNode uncalibrated = oob == null ? null : oob.remove("uncalibrated_ece");
            JsonNode file = test == null ? null : test.remove("file");
            if (file != null && !file.isTextual()) {
                return ctxt.reportInputMismatch(BundleEvaluation.class, "\"test\".\"file\" is not a string");
            }
            return new BundleEvaluation(
                    oob == null ? null : ctxt.readTreeAsValue(oob, EvaluationReport.class),
                    uncalibrated == null ? null : ctxt.readTreeAsValue(uncalibrated, EvaluationReport.ByTarget.class),
                    file == null ? null : file.textValue(),
                    test == null ? null : ctxt.readTreeAsValue(test, EvaluationReport.class));
        }

        private static ObjectNode part(JsonNode root, String name, DeserializationContext ctxt) throws IOException {
            JsonNode node = root.get(name);
            if (node == null) {
                return null;
            }
            if (!(node instanceof ObjectNode object)) {
                return ctxt.reportInputMismatch(BundleEvaluation.class, "\"" + name + "\" is not an object");
            }
            return object;
        }
    }
}
