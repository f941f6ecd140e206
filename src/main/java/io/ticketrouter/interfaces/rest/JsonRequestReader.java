package io.ticketrouter.interfaces.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads {@link JsonRequest} records from JSON with messages a client can act on: an empty or oversized body, bytes
 * that are not UTF-8, malformed JSON (with line and column), a value of the wrong type or an unknown field each get
 * a 4xx problem naming the field and what is allowed. Value rules (lengths, formats) are checked by the DTOs.
 *
 * <p>Bodies are limited to {@value #MAX_BYTES} bytes even when the client sends no {@code Content-Length}.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
@Priority(Priorities.ENTITY_CODER)
public class JsonRequestReader implements MessageBodyReader<JsonRequest> {

    /** 64 KB: far above the longest valid ticket (10,000 characters), small enough to refuse floods early. */
    public static final int MAX_BYTES = 64 * 1024;

    /** Nesting of arrays and objects: requests need 3 levels (batch: object, array, item); 32 is generous. */
    static final int MAX_DEPTH = 32;

    private static final Map<Class<?>, Binding> BINDINGS = new ConcurrentHashMap<>();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonRequest.class.isAssignableFrom(type) && type.isRecord();
    }

    @Override
    public JsonRequest readFrom(Class<JsonRequest> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        byte[] bytes = entityStream.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw Problems.exception(ProblemType.PAYLOAD_TOO_LARGE,
                    "the request body must be at most " + MAX_BYTES + " bytes (64 KB)", null);
        }
        JsonValue value = parse(bytes);
        return bind(type, value, "request body");
    }

    /** Parses JSON text into a value, or throws a 400 problem saying what is wrong and where. */
    static JsonValue parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw Problems.exception(ProblemType.MALFORMED_JSON, "the request body is not valid UTF-8 text", null);
        }
        if (text.isBlank()) {
            throw Problems.exception(ProblemType.MALFORMED_JSON,
                    "the request body is empty: send a JSON object, for example {\"subject\": \"...\", \"body\": \"...\"}",
                    null);
        }
        int depth = nestingDepth(text);
        if (depth > MAX_DEPTH) {
            throw Problems.exception(ProblemType.MALFORMED_JSON, "the request body nests arrays and objects "
                    + depth + " levels deep; at most " + MAX_DEPTH + " are allowed", null);
        }
        try (JsonParser parser = jakarta.json.Json.createParser(new StringReader(text))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                parser.next(); // throws JsonParsingException at the first unexpected character
                throw Problems.exception(ProblemType.MALFORMED_JSON,
                        "the request body holds more than one JSON value; send exactly one object", null);
            }
            return value;
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
            throw Problems.exception(ProblemType.MALFORMED_JSON, "the request body is not valid JSON" + where, null);
        } catch (JsonException e) {
            throw Problems.exception(ProblemType.MALFORMED_JSON, "the request body is not valid JSON", null);
        }
    }

    /**
     * The deepest nesting of arrays and objects, counted outside strings. Checked before parsing: the JSON parser
     * recurses per level, and tens of thousands of brackets (well under 64 KB) would overflow its stack.
     */
    static int nestingDepth(String text) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return max;
    }

    /** Binds a JSON value to a {@link JsonRequest} record, checking types and unknown fields. */
    static <T> T bind(Class<T> type, JsonValue value, String what) {
        Binding binding = BINDINGS.computeIfAbsent(type, Binding::new);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw Problems.exception(ProblemType.INVALID_INPUT, what + " must be a JSON object with the fields "
                    + binding.allowed() + ", got " + describe(value), null);
        }
        JsonObject object = value.asJsonObject();
        for (String key : object.keySet()) {
            if (!binding.fields.containsKey(key)) {
                throw Problems.exception(ProblemType.INVALID_INPUT, "unknown field \"" + abbreviate(key) + "\" in "
                        + what + "; allowed fields: " + binding.allowed(), key);
            }
        }
        Object[] args = new Object[binding.components.length];
        for (int i = 0; i < args.length; i++) {
            RecordComponent c = binding.components[i];
            String name = binding.names[i];
            JsonValue v = object.get(name);
            if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
                args[i] = null;
            } else if (c.getType() == String.class) {
                if (v.getValueType() != JsonValue.ValueType.STRING) {
                    throw Problems.exception(ProblemType.INVALID_INPUT,
                            name + " must be a string, got " + describe(v), name);
                }
                args[i] = ((JsonString) v).getString();
            } else if (c.getType() == JsonArray.class) {
                if (v.getValueType() != JsonValue.ValueType.ARRAY) {
                    throw Problems.exception(ProblemType.INVALID_INPUT,
                            name + " must be an array, got " + describe(v), name);
                }
                args[i] = v.asJsonArray();
            } else {
                args[i] = v;
            }
        }
        try {
            return type.cast(binding.constructor.newInstance(args));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }

    static String describe(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> "a string";
            case NUMBER -> "a number (" + abbreviate(v.toString()) + ")";
            case TRUE, FALSE -> "a boolean (" + v + ")";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
        };
    }

    private static String abbreviate(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 40 ? clean : clean.substring(0, 40) + "...";
    }

    static String snakeCase(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static final class Binding {
        final RecordComponent[] components;
        final String[] names;
        final Map<String, Integer> fields = new LinkedHashMap<>();
        final Constructor<?> constructor;

        Binding(Class<?> type) {
            components = type.getRecordComponents();
            names = new String[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = snakeCase(components[i].getName());
                types[i] = components[i].getType();
                fields.put(names[i], i);
            }
            try {
                constructor = type.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }

        String allowed() {
            List<String> list = new ArrayList<>(fields.keySet());
            return String.join(", ", list);
        }
    }
}
