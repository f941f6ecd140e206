package io.ticketrouter.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The role table of the API, checked on the resource classes themselves: which methods are open to anyone, which
 * need an admin. The resource classes are found the way the server finds them (the application declares none, so
 * JAX-RS deploys every {@code @Path} class of the WAR): every class file the build compiled is read, so a new
 * resource or endpoint fails this test until someone decides who may call it.
 */
class AccessFeatureTest {

    private static final List<Class<?>> RESOURCES = resourceClasses();

    @Test
    void theApplicationLeavesResourceDiscoveryToTheServer() {
        ApiApplication application = new ApiApplication();
        assertTrue(
                application.getClasses().isEmpty()
                        && application.getSingletons().isEmpty(),
                "ApiApplication lists no classes, so every @Path class of the WAR is deployed and checked here");
    }

    @Test
    void theScanFindsTheResourceClasses() {
        assertTrue(
                RESOURCES.containsAll(List.of(
                        ApiRootResource.class,
                        TicketResource.class,
                        PredictionResource.class,
                        PluginResource.class,
                        SessionResource.class,
                        UserResource.class,
                        WebhookResource.class,
                        ConnectorResource.class)),
                RESOURCES.toString());
    }

    @Test
    void onlyThePortalsCallsAndTheHelpdesksWebhookAreOpenToAnyone() {
        assertEquals(
                Set.of(
                        "GET /api",
                        "POST /api/tickets",
                        "POST /api/tickets/receive",
                        "GET /api/tickets/{reference}/status",
                        "POST /api/session",
                        "DELETE /api/session",
                        // signed by the helpdesk; the connector refuses a call without its signature (401)
                        "POST /api/connectors/{name}/webhook"),
                endpoints(Access.Who.ANYONE));
    }

    @Test
    void deletingReloadingUserManagementWebhookDeliveriesAndTheMailQuarantineNeedAnAdmin() {
        assertEquals(
                Set.of(
                        "GET /api/mail/quarantine",
                        "GET /api/webhooks/deliveries",
                        "POST /api/webhooks/deliveries/retry",
                        "POST /api/webhooks/deliveries/{id}/retry",
                        "DELETE /api/tickets/{reference}",
                        "POST /api/plugins/reload",
                        "POST /api/model/reload",
                        "GET /api/users",
                        "POST /api/users",
                        "PATCH /api/users/{username}",
                        "DELETE /api/users/{username}"),
                endpoints(Access.Who.ADMIN));
    }

    @Test
    void everythingElseNeedsAnAgentAndEveryMethodSaysSoExplicitly() {
        Set<String> agent = endpoints(Access.Who.AGENT);
        assertTrue(
                agent.containsAll(Set.of(
                        "GET /api/tickets",
                        "GET /api/tickets/{reference}",
                        "PATCH /api/tickets/{reference}",
                        "POST /api/tickets/{reference}/replies",
                        "POST /api/predict",
                        "POST /api/predict/batch",
                        "GET /api/plugins",
                        "GET /api/model",
                        "GET /api/session",
                        "PUT /api/session/password")),
                agent.toString());
        List<String> undecided = new ArrayList<>();
        for (Class<?> type : RESOURCES) {
            for (Method m : type.getDeclaredMethods()) {
                boolean endpoint = httpMethod(m) != null;
                boolean locator = !endpoint && m.isAnnotationPresent(Path.class);
                if (locator
                        || endpoint
                                && !m.isAnnotationPresent(Access.class)
                                && !type.isAnnotationPresent(Access.class)) {
                    undecided.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertEquals(
                List.of(),
                undecided,
                "every resource method says who may call it (a sub-resource locator "
                        + "would hand the request to methods this table does not see)");
    }

    @Test
    void aMethodWithoutAnyAnnotationIsForAdminsOnly() throws Exception {
        class Unmarked {
            public void undecided() {}
        }
        assertEquals(Access.Who.ADMIN, AccessFeature.required(Unmarked.class, Unmarked.class.getMethod("undecided")));
    }

    /** Every class under the build's output directory that carries {@code @Path}: what JAX-RS deploys. */
    private static List<Class<?>> resourceClasses() {
        try {
            java.nio.file.Path root = java.nio.file.Path.of(ApiApplication.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            assertTrue(Files.isDirectory(root), "the compiled classes are a directory: " + root);
            List<Class<?>> found = new ArrayList<>();
            try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                for (java.nio.file.Path file : (Iterable<java.nio.file.Path>)
                        files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                    Class<?> type = Class.forName(
                            name.substring(0, name.length() - ".class".length()),
                            false,
                            AccessFeatureTest.class.getClassLoader());
                    if (type.isAnnotationPresent(Path.class)) {
                        found.add(type);
                    }
                }
            }
            return List.copyOf(found);
        } catch (Exception e) {
            throw new AssertionError("cannot list the compiled classes", e);
        }
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

    /** The HTTP method of a resource method: any annotation marked {@code @HttpMethod} (GET, HEAD, OPTIONS...). */
    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String path(Class<?> type, Method m) {
        String base = type.getAnnotation(Path.class).value();
        String sub =
                m.isAnnotationPresent(Path.class) ? m.getAnnotation(Path.class).value() : "";
        String p = "/api" + (base.isEmpty() ? "" : "/" + base) + (sub.isEmpty() ? "" : "/" + sub);
        return p.replace("//", "/");
    }
}
