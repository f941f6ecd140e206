package io.ticketrouter.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The role table of the API, checked on the resource classes themselves: which methods are open to anyone, which
 * need an admin. A new endpoint fails this test until someone decides who may call it.
 */
class AccessFeatureTest {

    private static final List<Class<?>> RESOURCES = List.of(ApiRootResource.class, TicketResource.class,
            PredictionResource.class, PluginResource.class, SessionResource.class, UserResource.class);

    @Test
    void onlyThePortalsCallsAreOpenToAnyone() {
        assertEquals(Set.of(
                "GET /api", "POST /api/tickets", "POST /api/tickets/receive", "GET /api/tickets/{reference}/status",
                "POST /api/session", "DELETE /api/session"), endpoints(Access.Who.ANYONE));
    }

    @Test
    void deletingReloadingAndUserManagementNeedAnAdmin() {
        assertEquals(Set.of(
                "DELETE /api/tickets/{reference}", "POST /api/plugins/reload", "POST /api/model/reload",
                "GET /api/users", "POST /api/users", "PATCH /api/users/{username}",
                "DELETE /api/users/{username}"), endpoints(Access.Who.ADMIN));
    }

    @Test
    void everythingElseNeedsAnAgentAndEveryMethodSaysSoExplicitly() {
        Set<String> agent = endpoints(Access.Who.AGENT);
        assertTrue(agent.containsAll(Set.of("GET /api/tickets", "GET /api/tickets/{reference}",
                "PATCH /api/tickets/{reference}", "POST /api/predict", "POST /api/predict/batch", "GET /api/plugins",
                "GET /api/model", "GET /api/session", "PUT /api/session/password")), agent.toString());
        for (Class<?> type : RESOURCES) {
            for (Method m : resourceMethods(type)) {
                assertTrue(m.isAnnotationPresent(Access.class) || type.isAnnotationPresent(Access.class),
                        type.getSimpleName() + "." + m.getName() + " says who may call it");
            }
        }
    }

    @Test
    void aMethodWithoutAnyAnnotationIsForAdminsOnly() throws Exception {
        class Unmarked {
            public void undecided() {
            }
        }
        assertEquals(Access.Who.ADMIN, AccessFeature.required(Unmarked.class,
                Unmarked.class.getMethod("undecided")));
    }

    private static Set<String> endpoints(Access.Who who) {
        Set<String> found = new TreeSet<>();
        for (Class<?> type : RESOURCES) {
            for (Method m : resourceMethods(type)) {
                if (AccessFeature.required(type, m) == who) {
                    found.add(httpMethod(m) + " " + path(type, m));
                }
            }
        }
        return found;
    }

    private static List<Method> resourceMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Method m : type.getDeclaredMethods()) {
            if (httpMethod(m) != null) {
                methods.add(m);
            }
        }
        return methods;
    }

    private static String httpMethod(Method m) {
        if (m.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (m.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (m.isAnnotationPresent(PATCH.class)) {
            return "PATCH";
        }
        if (m.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return m.isAnnotationPresent(PUT.class) ? "PUT" : null;
    }

    private static String path(Class<?> type, Method m) {
        String base = type.getAnnotation(Path.class).value();
        String sub = m.isAnnotationPresent(Path.class) ? m.getAnnotation(Path.class).value() : "";
        String p = "/api" + (base.isEmpty() ? "" : "/" + base) + (sub.isEmpty() ? "" : "/" + sub);
        return p.replace("//", "/");
    }
}
