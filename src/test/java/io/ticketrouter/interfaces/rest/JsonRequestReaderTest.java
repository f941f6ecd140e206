package io.ticketrouter.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.application.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonRequestReaderTest {

    private static PredictRequest read(String json) {
        return JsonRequestReader.bind(PredictRequest.class,
                JsonRequestReader.parse(json.getBytes(StandardCharsets.UTF_8)), "request body");
    }

    @Test
    void bindsSnakeCaseFields() {
        CreateTicketRequest r = JsonRequestReader.bind(CreateTicketRequest.class, JsonRequestReader.parse(
                "{\"body\": \"0123456789\", \"customer_email\": \"a@b.co\"}".getBytes(StandardCharsets.UTF_8)),
                "request body");
        assertEquals("a@b.co", r.customerEmail());
        assertNull(r.subject());
    }

    @Test
    void textIsAnAliasOfBody() {
        assertEquals("0123456789 x", read("{\"text\": \"0123456789 x\"}").validBody());
    }

    @Test
    void tooShortBodySaysTheLimitsAndTheLength() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("{\"body\": \"abc\"}").validBody());
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
        assertEquals("0123456789 x", read("  {\"body\": \"0123456789 x\"}\n").validBody());
    }

    @Test
    void controlCharactersAndLoneSurrogatesInTextAre400() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> read("{\"body\": \"0123456789 \\u0000 x\"}").validBody());
        assertEquals("body", e.field());
        assertThrows(InvalidInputException.class, () -> read("{\"body\": \"0123456789 \\ud800 x\"}").validBody());
        assertThrows(InvalidInputException.class, () -> read("{\"body\": \"0123456789 \\u001b[31m x\"}").validBody());
        // tabs, line breaks and paired surrogates (emoji) are text people type
        assertEquals("line one\n\tline two \ud83d\ude00", read("{\"body\": \"line one\\n\\tline two \\ud83d\\ude00\"}")
                .validBody());
    }

    @Test
    void snakeCaseOfComponentNames() {
        assertEquals("customer_email", JsonRequestReader.snakeCase("customerEmail"));
        assertEquals("needs_review", JsonRequestReader.snakeCase("needsReview"));
    }

    private static int status(Runnable r) {
        Problems.ProblemException e = assertThrows(Problems.ProblemException.class, r::run);
        assertTrue(e.problem().detail().length() > 10);
        return e.problem().status();
    }
}
