package io.ticketrouter.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A Payara Micro started by {@link PayaraLauncher}: waits for the application, reads what it logged, stops it. */
public final class PayaraProcess implements AutoCloseable {

    /** What Payara logs when its web container finds no HTTP listener: it then says "ready" but never answers. */
    static final String NO_LISTENER = "GrizzlyProxy is NULL";

    private final Process process;
    private final int port;
    private final Path log;
    private final long logStart;

    PayaraProcess(Process process, int port, Path log, long logStart) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.logStart = logStart;
    }

    /** How a start ended: the application answered, Payara gave up, the JVM exited, or the time ran out. */
    public enum State {
        UP,
        FAILED,
        EXITED,
        TIMED_OUT
    }

    /**
     * The outcome of {@link #awaitApplication}: the state, why (for anything but {@link State#UP}), the body of
     * {@code GET /api} when the application answered, and how long the start took.
     */
    public record Startup(State state, String reason, String api, Duration took) {

        public boolean up() {
            return state == State.UP;
        }

        /** Whether the application said it has a model to classify with. */
        public boolean modelReady() {
            return api != null && api.replaceAll("\\s", "").contains("\"model_ready\":true");
        }
    }

    /**
     * Waits until {@code GET /api} answers 200 with Ticket Router's description, Payara logs that it gave up, the
     * JVM exits, or the timeout passes.
     */
    public Startup awaitApplication(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        long deadline = start + timeout.toNanos();
        String lastPoll = "no answer yet";
        while (System.nanoTime() < deadline) {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String failure = startFailure(log());
            if (!process.isAlive()) {
                return new Startup(
                        State.EXITED,
                        "exited with " + process.exitValue() + (failure == null ? "" : " (" + failure + ")"),
                        null,
                        took);
            }
            if (failure != null) {
                return new Startup(State.FAILED, failure, null, took);
            }
            try {
                HttpResponse<String> api = client.send(
                        HttpRequest.newBuilder(url("/api"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (api.statusCode() == 200 && api.body().contains("Ticket Router")) {
                    return new Startup(State.UP, null, api.body(), took);
                }
                lastPoll = "GET /api answered " + api.statusCode();
            } catch (IOException e) {
                lastPoll = "GET /api: " + e; // not listening yet
            }
            Thread.sleep(200);
        }
        return new Startup(
                State.TIMED_OUT,
                "did not answer on port " + port + " within " + timeout.toSeconds()
                        + " s (last poll: " + lastPoll + "; Payara "
                        + (log().contains("ready in") ? "logged" : "did not log")
                        + " \"ready in\")",
                null,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Why Payara gave up starting, or started without its HTTP listener, from what it printed, or null: after a
     * startup exception (a port already bound, for one) it logs "Failed to start, exiting" but may keep its JVM
     * alive without an HTTP listener.
     */
    public static String startFailure(String log) {
        if (log.contains(NO_LISTENER)) {
            return "Payara Micro started without its HTTP listener (\"" + NO_LISTENER + "\")";
        }
        if (!log.contains("Failed to start, exiting")
                && !log.contains("Shutting down server due to startup exception")) {
            return null;
        }
        int bind = log.indexOf("java.net.BindException");
        if (bind >= 0) {
            int eol = log.indexOf('\n', bind);
            return log.substring(bind, eol < 0 ? log.length() : eol).trim();
        }
        return "Payara logged \"Failed to start, exiting\"";
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the server to exit and answers its exit code. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    public Path logFile() {
        return log;
    }

    /** What the server printed since this start (the log may hold earlier starts' output too). */
    public String log() {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(logStart, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines of what the server printed since this start. */
    public String tail(int lines) {
        var all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Graceful stop (SIGTERM, as Ctrl-C), forced after the grace period; waits until the process is gone. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** {@code kill -9}: no shutdown hook, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(60));
    }
}
