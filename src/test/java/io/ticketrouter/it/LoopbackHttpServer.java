package io.ticketrouter.it;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JDK's HTTP server on 127.0.0.1, as the stand-ins for outside systems (webhook receivers, Zammad) run it. */
final class LoopbackHttpServer {

    private LoopbackHttpServer() {}

    /** Listens on {@code port} and hands the requests under {@code path} to {@code handler} on four daemon threads. */
    static HttpServer start(int port, String threadName, String path, HttpHandler handler) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        }));
        server.createContext(path, handler);
        server.start();
        return server;
    }

    /** Stops listening at once, and the server's threads. */
    static void stop(HttpServer server) {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
