package io.ticketrouter.infrastructure.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec-0123456789abcdef";
    private static final String BODY = "{\"id\":\"e1\",\"type\":\"ticket.created\",\"ticket\":{\"subject\":\"Grüße\"}}";

    @Test
    void theHeaderIsTheHmacSha256OfTheTimeADotAndTheRawBody() throws Exception {
        String header = WebhookSignature.header(SECRET, 1_764_000_000L, BODY);
        // computed here independently, as a receiver in any language would
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected =
                HexFormat.of().formatHex(mac.doFinal(("1764000000." + BODY).getBytes(StandardCharsets.UTF_8)));
        assertEquals("t=1764000000,v1=" + expected, header);
    }

    @Test
    void aReceiverAcceptsOnlyTheSameSecretBodyAndARecentTime() {
        String header = WebhookSignature.header(SECRET, 1_000L, BODY);
        assertTrue(WebhookSignature.verify(SECRET, header, BODY, 1_100L, 300));
        assertFalse(WebhookSignature.verify("another-secret-0123", header, BODY, 1_100L, 300), "other secret");
        assertFalse(WebhookSignature.verify(SECRET, header, BODY + " ", 1_100L, 300), "body changed");
        assertFalse(WebhookSignature.verify(SECRET, header, BODY, 1_400L, 300), "replayed after 400 s");
        assertFalse(
                WebhookSignature.verify(SECRET, header.replace("t=1000", "t=1300"), BODY, 1_300L, 300),
                "a time moved forward does not match the signature");
        assertFalse(WebhookSignature.verify(SECRET, null, BODY, 1_000L, 300));
        assertFalse(WebhookSignature.verify(SECRET, "t=abc,v1=00", BODY, 1_000L, 300));
        assertFalse(WebhookSignature.verify(SECRET, "v1=00", BODY, 1_000L, 300));
    }
}
