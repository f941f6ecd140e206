package io.ticketrouter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends {@link StoredDataCatalogue} in full (with a ticket to aim notes and cross-site changes at, and a live admin
 * session cookie) and then shows that nothing of it was stored: no ticket holds the catalogue's marker, the target
 * ticket is unchanged, the session the cross-site requests tried to end still works, no user was added. Called from
 * {@link ConcurrentEdits#run}, so it does not depend on the order in which the suite's tests run.
 */
final class StoredDataChecks {

    private StoredDataChecks() {}

    static List<String> run(TestServer server, Database db) throws Exception {
        ConcurrentEdits.Answer created = ConcurrentEdits.send(
                server,
                "POST",
                "/api/tickets",
                "{\"subject\": "
                        + "\"Target of the stored-data catalogue\", \"body\": \"The shared printer on floor two prints only "
                        + "empty pages since Monday.\"}");
        assertEquals(201, created.status(), created.toString());
        String reference = created.json().getString("reference");
        String cookie = Hostile.adminSessionCookie(server.port());
        List<String> usersBefore = users(server);

        List<Hostile> catalogue = StoredDataCatalogue.cases(server.port(), reference, cookie);
        HostileCatalogues.Outcome outcome = HostileCatalogues.send(server.port(), catalogue);
        List<String> failures = outcome.failures();
        Map<Integer, Integer> byStatus = outcome.byStatus();
        int serverErrors = outcome.serverErrors();
        assertTrue(
                failures.isEmpty(),
                failures.size() + " of the stored-data catalogue did not get their expected " + "answer:\n"
                        + String.join("\n", failures));

        // nothing of it was stored
        ConcurrentEdits.Answer listed =
                ConcurrentEdits.send(server, "GET", "/api/tickets?limit=500&q=" + StoredDataCatalogue.MARKER, null);
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(0, listed.json().getInt("count"), "no ticket holds the catalogue's marker: " + listed);
        long inDatabase = -1;
        if ("postgresql".equals(db.kind)) {
            inDatabase = db.referencesAndBodies().stream()
                    .filter(r -> r[1].contains(StoredDataCatalogue.MARKER))
                    .count();
            assertEquals(0, inDatabase, "no row of the ticket table holds the marker");
        }
        JsonObject target = ConcurrentEdits.send(server, "GET", "/api/tickets/" + reference, null)
                .json();
        assertEquals("open", target.getString("status"), "the target ticket was not changed: " + target);
        assertEquals(0, target.getJsonArray("history").size(), "no note, no change in its history: " + target);
        for (JsonValue v : target.getJsonArray("history")) {
            assertTrue(!v.toString().contains(StoredDataCatalogue.MARKER), v.toString());
        }
        assertEquals(usersBefore, users(server), "no user was added");
        RawHttp.Answer session = RawHttp.send(
                server.port(),
                "GET /api/session HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                        + "\r\nAccept: application/json\r\nCookie: " + cookie,
                null);
        assertEquals(200, session.status(), "the cross-site sign-outs did not end the session: " + session);
        // and the same cookie from this server's own page does sign out
        RawHttp.Answer signOut = RawHttp.send(
                server.port(),
                "DELETE /api/session HTTP/1.1\r\nHost: 127.0.0.1:"
                        + server.port() + "\r\nOrigin: http://127.0.0.1:" + server.port() + "\r\nSec-Fetch-Site: "
                        + "same-origin\r\nCookie: " + cookie,
                null);
        assertEquals(204, signOut.status(), signOut.toString());
        return List.of(String.format(
                "[reliability] stored data (%s): %d hostile requests (long numbers, duplicate "
                        + "keys, charsets, e-mail, text rules, notes, user names, cross-site with a live session "
                        + "cookie), %d got exactly their expected answer, answers by status %s, %d 5xx; nothing "
                        + "stored: 0 tickets with the marker%s, target ticket unchanged, session alive, users %s",
                db.kind,
                catalogue.size(),
                catalogue.size() - failures.size(),
                byStatus,
                serverErrors,
                inDatabase < 0 ? "" : " (0 rows in the table)",
                usersBefore));
    }

    private static List<String> users(TestServer server) throws Exception {
        ConcurrentEdits.Answer a = ConcurrentEdits.send(server, "GET", "/api/users", null);
        assertEquals(200, a.status(), a.toString());
        List<String> names = new ArrayList<>();
        for (JsonValue v : a.json().getJsonArray("items")) {
            names.add(v.asJsonObject().getString("username"));
        }
        assertEquals(
                1,
                names.stream()
                        .filter(n -> n.toLowerCase(Locale.ROOT).equals("admin"))
                        .count(),
                "one admin, whatever the case: " + names);
        return names;
    }
}
