package io.ticketrouter.interfaces.rest;

import io.ticketrouter.interfaces.json.ApiJson;
import jakarta.annotation.Priority;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
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
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads {@link JsonRequest} records from JSON with messages a client can act on: an empty or oversized body, a
 * charset other than the supported ones (415), bytes that are not valid in the declared charset, malformed JSON
 * (with line and column), a key given twice, a number too long to read, a value of the wrong type or an unknown field
 * each get a 4xx problem naming the field and what is allowed. JSON-B binds the checked object to the record and Bean
 * Validation applies the record's constraints (lengths, text rules, formats), with the same kind of message.
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

    /** The longest JSON number accepted anywhere (no request field takes a number; this bounds what is parsed). */
    static final int MAX_NUMBER_LENGTH = 100;

    static final List<String> SUPPORTED_CHARSET_NAMES =
            List.of("UTF-8", "UTF-16", "UTF-16BE", "UTF-16LE", "ISO-8859-1", "US-ASCII");

    private static final Map<String, Charset> SUPPORTED_CHARSETS = Map.of(
            "UTF-8",
            StandardCharsets.UTF_8,
            "UTF8",
            StandardCharsets.UTF_8,
            "UTF-16",
            StandardCharsets.UTF_16,
            "UTF-16BE",
            StandardCharsets.UTF_16BE,
            "UTF-16LE",
            StandardCharsets.UTF_16LE,
            "ISO-8859-1",
            StandardCharsets.ISO_8859_1,
            "LATIN1",
            StandardCharsets.ISO_8859_1,
            "US-ASCII",
            StandardCharsets.US_ASCII);

    private static final Map<Class<?>, Binding> BINDINGS = new ConcurrentHashMap<>();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonRequest.class.isAssignableFrom(type) && type.isRecord();
    }

    @Override
    public JsonRequest readFrom(
            Class<JsonRequest> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream)
            throws IOException {
        Charset charset = charset(mediaType);
        byte[] bytes;
        try {
            bytes = entityStream.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            // the client sent less than its Content-Length and stalled past the read timeout, or the connection
            // broke mid-body: 408, and the connection is closed (ExceptionMappers)
            throw Problems.exception(
                    ProblemType.REQUEST_TIMEOUT,
                    "the request body did not arrive completely: it "
                            + "stopped before its declared length, or paused for more than 10 seconds",
                    null);
        }
        if (bytes.length > MAX_BYTES) {
            throw Problems.exception(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "the request body must be at most " + MAX_BYTES + " bytes (64 KB)",
                    null);
        }
        JsonValue value = parse(bytes, charset);
        return bind(type, value, "request body");
    }

    /**
     * The character set the {@code Content-Type} declares: UTF-8 when none is given, UTF-16 (big or little endian,
     * with or without a byte order mark) and ISO-8859-1 (or US-ASCII) when declared; any other is refused with 415.
     */
    static Charset charset(MediaType mediaType) {
        String declared = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (declared == null || declared.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        String name = declared.strip().replace("\"", "").toUpperCase(Locale.ROOT);
        Charset charset = SUPPORTED_CHARSETS.get(name);
        if (charset == null) {
            throw Problems.exception(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "charset \"" + abbreviate(declared)
                            + "\" is not supported; send the body in one of "
                            + String.join(", ", SUPPORTED_CHARSET_NAMES)
                            + " (UTF-8 when no charset is given)",
                    null);
        }
        return charset;
    }

    /** Parses UTF-8 JSON text into a value, or throws a 400 problem saying what is wrong and where. */
    static JsonValue parse(byte[] bytes) {
        return parse(bytes, StandardCharsets.UTF_8);
    }

    /** Parses JSON text in this character set into a value, or throws a 400 problem saying what is wrong and where. */
    static JsonValue parse(byte[] bytes, Charset charset) {
        String text = decode(bytes, charset);
        if (text.isBlank()) {
            throw Problems.exception(
                    ProblemType.MALFORMED_JSON,
                    "the request body is empty: send a JSON object, for example {\"subject\": \"...\", \"body\": \"...\"}",
                    null);
        }
        int depth = nestingDepth(text);
        if (depth > MAX_DEPTH) {
            throw Problems.exception(
                    ProblemType.MALFORMED_JSON,
                    "the request body nests arrays and objects " + depth + " levels deep; at most " + MAX_DEPTH
                            + " are allowed",
                    null);
        }
        try (JsonParser parser = io.ticketrouter.interfaces.json.ApiJson.JSONP.createParser(new StringReader(text))) {
            JsonValue value = StrictTree.read(parser);
            if (parser.hasNext()) {
                parser.next(); // throws JsonParsingException at the first unexpected character
                throw Problems.exception(
                        ProblemType.MALFORMED_JSON,
                        "the request body holds more than one JSON value; send exactly one object",
                        null);
            }
            return value;
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
            throw Problems.exception(ProblemType.MALFORMED_JSON, "the request body is not valid JSON" + where, null);
        } catch (JsonException | java.util.NoSuchElementException e) {
            throw Problems.exception(ProblemType.MALFORMED_JSON, "the request body is not valid JSON", null);
        }
    }

    /**
     * The text of the body in its character set, refusing bytes that are not valid in it. UTF-16 without a byte
     * order mark is read in the byte order its first character shows (JSON text starts with an ASCII character);
     * a UTF-8 byte order mark is skipped.
     */
    private static String decode(byte[] bytes, Charset charset) {
        Charset actual = charset;
        int skip = 0;
        if (charset == StandardCharsets.UTF_16 && bytes.length >= 2) {
            boolean bom = (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                    || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE);
            if (!bom && bytes[0] != 0 && bytes[1] == 0) {
                actual = StandardCharsets.UTF_16LE;
            }
        } else if (charset == StandardCharsets.UTF_8
                && bytes.length >= 3
                && bytes[0] == (byte) 0xEF
                && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF) {
            skip = 3;
        }
        try {
            return actual.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
                    .toString();
        } catch (CharacterCodingException e) {
            throw Problems.exception(
                    ProblemType.MALFORMED_JSON,
                    "the request body is not valid " + (charset == StandardCharsets.UTF_16 ? "UTF-16" : charset.name())
                            + " text",
                    null);
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

    /**
     * Binds a JSON value to a {@link JsonRequest} record: the value must be an object of the record's fields (unknown
     * fields and values of the wrong JSON type are refused, naming the field), JSON-B then binds it and Bean
     * Validation checks the record's constraints ({@link RequestValidation}).
     */
    static <T> T bind(Class<T> type, JsonValue value, String what) {
        Binding binding = BINDINGS.computeIfAbsent(type, Binding::new);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw Problems.exception(
                    ProblemType.INVALID_INPUT,
                    what + " must be a JSON object with the fields " + binding.allowed() + ", got " + describe(value),
                    null);
        }
        JsonObject object = value.asJsonObject();
        for (String key : object.keySet()) {
            if (!binding.fields.containsKey(key)) {
                throw Problems.exception(
                        ProblemType.INVALID_INPUT,
                        "unknown field \"" + abbreviate(key) + "\" in " + what + "; allowed fields: "
                                + binding.allowed(),
                        key);
            }
        }
        for (int i = 0; i < binding.names.length; i++) {
            String name = binding.names[i];
            JsonValue v = object.get(name);
            JsonValue.ValueType expected = binding.valueTypes[i];
            if (v != null
                    && expected != null
                    && v.getValueType() != JsonValue.ValueType.NULL
                    && v.getValueType() != expected) {
                throw Problems.exception(
                        ProblemType.INVALID_INPUT,
                        name + " must be " + (expected == JsonValue.ValueType.ARRAY ? "an array" : "a string")
                                + ", got " + describe(v),
                        name);
            }
        }
        T request;
        try {
            request = ApiJson.JSONB.fromJson(object.toString(), type);
        } catch (JsonbException e) {
            throw new IllegalStateException("cannot bind " + type.getName() + " after its fields were checked", e);
        }
        return RequestValidation.check(request);
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

    static String abbreviate(String s) {
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

    /**
     * Builds the JSON tree from the parser's events, refusing what JSON-P would accept silently or fail on deep
     * inside: a key given twice in one object (JSON-P keeps the last) and numbers longer than
     * {@value #MAX_NUMBER_LENGTH} characters (JSON-P refuses to convert them with an unchecked exception). Errors
     * name the field by its path, for example {@code items[2].body}.
     */
    static final class StrictTree {

        /** One open object or array: what is built, and where in it the next value goes. */
        private static final class Open {
            final JsonObjectBuilder object;
            final JsonArrayBuilder array;
            final Set<String> keys = new HashSet<>();
            String key;
            int index;

            Open(boolean isObject) {
                object = isObject ? io.ticketrouter.interfaces.json.ApiJson.JSONP.createObjectBuilder() : null;
                array = isObject ? null : io.ticketrouter.interfaces.json.ApiJson.JSONP.createArrayBuilder();
            }

            JsonValue build() {
                return object != null ? object.build() : array.build();
            }
        }

        private StrictTree() {}

        static JsonValue read(JsonParser parser) {
            Deque<Open> open = new ArrayDeque<>();
            while (true) {
                JsonParser.Event event = parser.next();
                JsonValue value;
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        open.push(new Open(event == JsonParser.Event.START_OBJECT));
                        continue;
                    }
                    case KEY_NAME -> {
                        Open o = open.peek();
                        String key = parser.getString();
                        if (!o.keys.add(key)) {
                            String field = path(open, key);
                            throw Problems.exception(
                                    ProblemType.INVALID_INPUT,
                                    "the field \"" + abbreviate(field) + "\" is given twice; send each field once",
                                    abbreviate(field));
                        }
                        o.key = key;
                        continue;
                    }
                    case END_OBJECT, END_ARRAY -> value = open.pop().build();
                    case VALUE_STRING ->
                        value = io.ticketrouter.interfaces.json.ApiJson.JSONP.createValue(parser.getString());
                    case VALUE_NUMBER -> value = number(parser.getString(), open);
                    case VALUE_TRUE -> value = JsonValue.TRUE;
                    case VALUE_FALSE -> value = JsonValue.FALSE;
                    case VALUE_NULL -> value = JsonValue.NULL;
                    default -> throw new JsonException("unexpected " + event);
                }
                Open parent = open.peek();
                if (parent == null) {
                    return value;
                }
                if (parent.object != null) {
                    parent.object.add(parent.key, value);
                } else {
                    parent.array.add(value);
                    parent.index++;
                }
            }
        }

        private static JsonValue number(String text, Deque<Open> open) {
            if (text.length() > MAX_NUMBER_LENGTH) {
                String field = path(open, null);
                throw Problems.exception(
                        ProblemType.INVALID_INPUT,
                        (field.isEmpty() ? "a number" : field)
                                + " is a number of " + text.length() + " characters; numbers of at most "
                                + MAX_NUMBER_LENGTH + " characters are read, and no field of this API takes a number",
                        field.isEmpty() ? null : abbreviate(field));
            }
            return io.ticketrouter.interfaces.json.ApiJson.JSONP.createValue(new BigDecimal(text));
        }

        /** Where the parser is: {@code body}, {@code items[2].body}; with {@code key}, that key in the innermost object. */
        private static String path(Deque<Open> open, String key) {
            StringBuilder sb = new StringBuilder();
            Iterator<Open> outerFirst = open.descendingIterator();
            while (outerFirst.hasNext()) {
                Open o = outerFirst.next();
                boolean innermost = !outerFirst.hasNext();
                if (o.object != null) {
                    String k = innermost && key != null ? key : o.key;
                    if (k != null) {
                        sb.append(sb.length() == 0 ? "" : ".").append(k);
                    }
                } else {
                    sb.append('[').append(o.index).append(']');
                }
            }
            return sb.toString();
        }
    }

    /** The JSON fields of a request record and the JSON type each takes (null: any). */
    private static final class Binding {
        final String[] names;
        final JsonValue.ValueType[] valueTypes;
        final Map<String, Integer> fields = new LinkedHashMap<>();

        Binding(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            names = new String[components.length];
            valueTypes = new JsonValue.ValueType[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = snakeCase(components[i].getName());
                Class<?> t = components[i].getType();
                valueTypes[i] = t == String.class
                        ? JsonValue.ValueType.STRING
                        : t == JsonArray.class ? JsonValue.ValueType.ARRAY : null;
                fields.put(names[i], i);
            }
        }

        String allowed() {
            return String.join(", ", fields.keySet());
        }
    }
}
