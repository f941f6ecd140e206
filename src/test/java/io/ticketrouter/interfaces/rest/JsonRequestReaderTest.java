package io.ticketrouter.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.application.InvalidInputException;
import io.ticketrouter.application.NewTicket;
import io.ticketrouter.interfaces.json.ApiJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonRequestReaderTest {

    /** Binds the JSON, sent in UTF-8, to a request record as the reader does for a request body. */
    private static <T> T bind(Class<T> type, String json) {
        return JsonRequestReader.bind(
                type, JsonRequestReader.parse(json.getBytes(StandardCharsets.UTF_8)), "request body");
    }

    private static PredictRequest read(String json) {
        return bind(PredictRequest.class, json);
    }

    @Test
    void bindsSnakeCaseFields() {
        CreateTicketRequest r =
                bind(CreateTicketRequest.class, "{\"body\": \"0123456789\", \"customer_email\": \"a@b.co\"}");
        assertEquals("a@b.co", r.customerEmail());
        assertNull(r.subject());
    }

    @Test
    void textIsAnAliasOfBody() {
        assertEquals("0123456789 x", read("{\"text\": \"0123456789 x\"}").message());
    }

    @Test
    void tooShortBodySaysTheLimitsAndTheLength() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class, () -> read("{\"body\": \"abc\"}").message());
        assertEquals("body must be 10 to 10000 characters, got 3", e.getMessage());
        assertEquals("body", e.field());
    }

    @Test
    void wrongTypesUnknownFieldsAndMalformedJsonAre400() {
        assertEquals(400, status(() -> read("{\"body\": 5}")));
        assertEquals(400, status(() -> read("{\"nope\": \"x\"}")));
        assertEquals(400, status(() -> read("{\"body\": ")));
        assertEquals(400, status(() -> read("")));
        assertEquals(400, status(() -> read("\"just a string\"")));
    }

    @Test
    void trailingContentAndDeepNestingAre400NotA201OrAStackOverflow() {
        assertEquals(400, status(() -> read("{\"body\": \"0123456789 x\"} {\"body\": \"again\"}")));
        assertEquals(400, status(() -> read("{\"body\": \"0123456789 x\"} trailing")));
        assertEquals(400, status(() -> read("[".repeat(20_000) + "]".repeat(20_000))));
        assertEquals(3, JsonRequestReader.nestingDepth("{\"items\": [{\"body\": \"[[[[ {{{{ \\\" ]]\"}]}"));
        assertEquals("0123456789 x", read("  {\"body\": \"0123456789 x\"}\n").message());
    }

    @Test
    void controlCharactersAndLoneSurrogatesInTextAre400() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> read("{\"body\": \"0123456789 \\u0000 x\"}").message());
        assertEquals("body", e.field());
        assertThrows(
                InvalidInputException.class,
                () -> read("{\"body\": \"0123456789 \\ud800 x\"}").message());
        assertThrows(
                InvalidInputException.class,
                () -> read("{\"body\": \"0123456789 \\u001b[31m x\"}").message());
        // tabs, line breaks and paired surrogates (emoji) are text people type
        assertEquals(
                "line one\n\tline two \ud83d\ude00",
                read("{\"body\": \"line one\\n\\tline two \\ud83d\\ude00\"}").message());
    }

    @Test
    void snakeCaseOfComponentNames() {
        assertEquals("customer_email", JsonRequestReader.snakeCase("customerEmail"));
        assertEquals("needs_review", JsonRequestReader.snakeCase("needsReview"));
    }

    private static jakarta.ws.rs.core.MediaType json(String charset) {
        return new jakarta.ws.rs.core.MediaType("application", "json", java.util.Map.of("charset", charset));
    }

    private static int status(Runnable r) {
        Problems.ProblemException e = assertThrows(Problems.ProblemException.class, r::run);
        assertTrue(e.problem().detail().length() > 10);
        return e.problem().status();
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingIt() {
        Problems.ProblemException e = assertThrows(
                Problems.ProblemException.class,
                () -> read("{\"body\": \"help\", \"body\": \"0123456789 long enough\"}"));
        assertEquals("body", e.problem().field());
        assertTrue(e.problem().detail().contains("given twice"), e.problem().detail());
        Problems.ProblemException nested = assertThrows(
                Problems.ProblemException.class,
                () -> JsonRequestReader.parse("{\"items\": [{\"body\": \"a\"}, {\"body\": \"b\", \"body\": \"c\"}]}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals("items[1].body", nested.problem().field());
    }

    @Test
    void aNumberTooLongToReadIs400NamingTheField() {
        String digits = "9".repeat(1_200);
        Problems.ProblemException e = assertThrows(
                Problems.ProblemException.class,
                () -> read("{\"body\": \"0123456789 x\", \"whatever\": " + digits + "}"));
        assertEquals(400, e.problem().status());
        assertEquals("whatever", e.problem().field());
        assertEquals(400, status(() -> read("{\"body\": [" + digits + "]}")));
        assertEquals(400, status(() -> read("{\"body\": 1" + "0".repeat(200) + ".5e3}")));
    }

    @Test
    void theDeclaredCharsetIsHonouredOrRefusedWith415() {
        String json = "{\"body\": \"Caf\u00e9 au lait, s'il vous pla\u00eet\"}";
        for (java.nio.charset.Charset cs : new java.nio.charset.Charset[] {
            StandardCharsets.UTF_8,
            StandardCharsets.UTF_16,
            StandardCharsets.UTF_16BE,
            StandardCharsets.UTF_16LE,
            StandardCharsets.ISO_8859_1
        }) {
            String declared = cs == StandardCharsets.UTF_16BE || cs == StandardCharsets.UTF_16LE ? "utf-16" : cs.name();
            PredictRequest r = JsonRequestReader.bind(
                    PredictRequest.class,
                    JsonRequestReader.parse(json.getBytes(cs), JsonRequestReader.charset(json(declared))),
                    "request body");
            assertEquals("Caf\u00e9 au lait, s'il vous pla\u00eet", r.message(), cs.name());
        }
        Problems.ProblemException e =
                assertThrows(Problems.ProblemException.class, () -> JsonRequestReader.charset(json("shift_jis")));
        assertEquals(415, e.problem().status());
        assertTrue(e.problem().detail().contains("UTF-16"), e.problem().detail());
    }

    private static CreateTicketRequest ticket(String field, String value) {
        String json = "{\"body\": \"A message long enough\", \"" + field + "\": " + quote(value) + "}";
        return bind(CreateTicketRequest.class, json);
    }

    private static UpdateTicketRequest update(String note) {
        return bind(UpdateTicketRequest.class, "{\"note\": " + quote(note) + "}");
    }

    private static String field(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run).field();
    }

    @Test
    void textRulesForEveryFreeTextField() {
        // bidi overrides, C1 controls, noncharacters; line breaks only where several lines are allowed
        assertEquals("subject", field(() -> ticket("subject", "invoice \u202Efdp.exe")));
        assertEquals("customer_name", field(() -> ticket("customer_name", "Ana\u0085Silva")));
        assertEquals("subject", field(() -> ticket("subject", "two\nlines")));
        assertEquals("note", field(() -> update("bell \u0007")));
        assertEquals("body", field(() -> read("{\"body\": \"0123456789 \\uFFFF\"}")));
        assertEquals(
                "two\nlines in a note",
                update("two\nlines in a note").toChanges().note());
        // NFC: a decomposed e + combining acute is stored composed
        assertEquals(
                "Caf\u00e9 is closed today",
                read("{\"body\": \"Cafe\\u0301 is closed today\"}").message());
        // only visible characters count for the minimum
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> read("{\"body\": \"" + "\\u200B\\uFEFF\\u00A0".repeat(20) + "abc\"}"));
        assertTrue(e.getMessage().startsWith("body must be 10 to 10000 characters, got 3 visible"), e.getMessage());
        assertEquals("note", field(() -> update("\u200B\u200B")));
        assertEquals(
                "subject must be at most 300 characters, got 301",
                assertThrows(InvalidInputException.class, () -> ticket("subject", "s".repeat(301)))
                        .getMessage());
    }

    @Test
    void aMissingMessageIsReportedOnBody() {
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> read("{\"subject\": \"Only a subject\"}"));
        assertEquals("body", e.field());
        assertEquals(
                "body is required: the ticket's message, 10 to 10000 characters (\"text\" is accepted as an alias)",
                e.getMessage());
    }

    @Test
    void theFirstWrongFieldInTheRecordsOrderIsReported() {
        String json = "{\"customer_email\": \"nope\", \"subject\": \"a\\nb\", \"body\": \"short\"}";
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> bind(CreateTicketRequest.class, json));
        assertEquals("subject", e.field());
    }

    @Test
    void messagesQuotingBracesOrDollarsAreNotInterpolated() {
        assertEquals("${1+1} {max}", RequestValidation.literal("${1+1} {max}").replace("\\", ""));
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> ticket("customer_email", "${1+1} {max}@example.com"));
        assertTrue(e.getMessage().startsWith("customer_email must be an e-mail address such as"), e.getMessage());
        assertTrue(e.getMessage().contains("!#$%&'*+/=?^_`{|}~-"), e.getMessage());
    }

    @Test
    void batchesHoldOneToOneHundredItems() {
        for (int n : new int[] {0, 101}) {
            String json = "{\"items\": [" + String.join(",", java.util.Collections.nCopies(n, "{}")) + "]}";
            InvalidInputException e =
                    assertThrows(InvalidInputException.class, () -> bind(BatchPredictRequest.class, json));
            assertEquals("items must hold 1 to 100 entries, got " + n, e.getMessage());
        }
        assertEquals(
                "items is required: an array of 1 to 100 objects shaped like {\"subject\": ..., \"body\": ...}",
                assertThrows(InvalidInputException.class, () -> RequestValidation.check(new BatchPredictRequest(null)))
                        .getMessage());
    }

    @Test
    void signingInTakesAUserNameAndAPassword() {
        for (String[] c : new String[][] {
            {"{\"password\": \"secret\"}", "username is required, with password"},
            {"{\"username\": \"  \", \"password\": \"secret\"}", "username is required, with password"},
            {"{\"username\": \"ana\", \"password\": \"\"}", "password is required"}
        }) {
            InvalidInputException e = assertThrows(
                    InvalidInputException.class,
                    () -> JsonRequestReader.bind(
                            SignInRequest.class, JsonRequestReader.parse(c[0].getBytes(StandardCharsets.UTF_8)), "x"));
            assertEquals(c[1], e.getMessage(), c[0]);
        }
    }

    @Test
    void eMailAddressesAreDotAtomAddrSpecs() {
        for (String bad : new String[] {
            "ana\u0000@example.com",
            "ana\u0001@example.com",
            "ana\u007f@example.com",
            "moc.elpmaxe@\u202Eana",
            "<script>@x.com",
            "a@b..com",
            ".a@b.com",
            "a.@b.com",
            "a..b@example.com",
            "\"a b\"@example.com",
            "ana@localhost",
            "ana@-example.com",
            "ana@b@example.com",
            "ana@example.com."
        }) {
            assertEquals("customer_email", field(() -> ticket("customer_email", bad)), bad);
        }
        for (String good : new String[] {
            "ana@example.com",
            "ana.silva+tickets@mail.example.co.uk",
            "o'brien@example.ie",
            "jos\u00e9@ejemplo.es",
            "user_1@sub-domain.example.com"
        }) {
            assertEquals(
                    good,
                    ticket("customer_email", good).toNewTicket(NewTicket.API).customerEmail());
        }
        assertNull(ticket("customer_email", "  ").toNewTicket(NewTicket.API).customerEmail());
    }

    /** A Java string as a JSON string literal. */
    private static String quote(String s) {
        return ApiJson.JSONB.toJson(s);
    }
}
