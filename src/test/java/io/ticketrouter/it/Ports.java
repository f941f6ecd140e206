package io.ticketrouter.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Listening ports for the servers the tests start, taken <em>below</em> the kernel's ephemeral range.
 *
 * <p>A port from {@code new ServerSocket(0)} is an ephemeral port: between the test closing it and Payara binding it,
 * the kernel may hand the same number to any outgoing connection on the machine, for example one of the load
 * clients reconnecting during a kill-and-restart test. Payara then logs a {@code BindException}, "Failed to start,
 * exiting", and keeps its JVM alive without an HTTP listener, so the test waited its full time-out. Ports outside the
 * ephemeral range are never given to outgoing connections; a random choice, checked by binding, keeps concurrently
 * running suites apart, and {@link TestServer} starts again on another port if Payara still loses the race.
 */
final class Ports {

    /** Lowest port handed out; below are the well-known and registered services people run on dev machines. */
    private static final int LOW = 20_000;

    private Ports() {}

    /** A port no socket on this machine is bound to right now, outside the ephemeral range. */
    static int pick() {
        int high = ephemeralLow() - 1;
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, high + 1);
            if (free(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOW + " and " + high);
    }

    /**
     * The first port of {@code count} consecutive free ones, starting at a multiple of 100, outside the ephemeral
     * range (a Payara Server domain needs a block of ports).
     */
    static int pickBlock(int... offsets) {
        int high = ephemeralLow() - 1;
        for (int attempt = 0; attempt < 500; attempt++) {
            int base = 100 * ThreadLocalRandom.current().nextInt(LOW / 100, high / 100);
            boolean all = true;
            for (int offset : offsets) {
                if (base + offset > high || !free(base + offset)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of ports between " + LOW + " and " + high);
    }

    static boolean free(int port) {
        return io.ticketrouter.launcher.PayaraLauncher.portFree(port);
    }

    /** The start of the kernel's ephemeral range (Linux: {@code net.ipv4.ip_local_port_range}), 32768 if unknown. */
    static int ephemeralLow() {
        try {
            String[] range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .trim()
                    .split("\\s+");
            int low = Integer.parseInt(range[0]);
            return low > LOW + 1000 ? low : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
