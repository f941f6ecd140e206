package io.ticketrouter.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a server that never answered was doing: a thread dump taken with {@code jcmd}, cut down to the threads running
 * the application's own code or the HTTP listener, so it fits in a CI log next to the failure.
 */
final class ThreadDump {

    private ThreadDump() {}

    /** The condensed dump of the JVM with this pid, or why there is none. */
    static String of(long pid) {
        Process jcmd;
        try {
            jcmd = new ProcessBuilder(
                            java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(pid),
                            "Thread.print")
                    .redirectErrorStream(true)
                    .start();
            byte[] out = jcmd.getInputStream().readAllBytes();
            if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
                return "(jcmd did not finish)";
            }
            return condense(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "(no thread dump: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    /** The first lines of a server log that report a problem (SEVERE, WARNING, exceptions), at most 25. */
    static String problems(String log) {
        List<String> lines = log.lines()
                .filter(l -> l.contains("SEVERE")
                        || l.contains("WARNING")
                        || l.contains("Exception")
                        || l.contains("ready in")
                        || l.contains("Deploy"))
                .map(l -> l.length() > 400 ? l.substring(0, 400) + " ..." : l)
                .limit(25)
                .toList();
        return lines.isEmpty() ? "(no SEVERE, WARNING or exception lines)" : String.join("\n", lines);
    }

    /** Keeps the threads whose stack runs our code, the HTTP listener's workers or deployment; at most 30 frames each. */
    static String condense(String dump) {
        List<String> kept = new ArrayList<>();
        for (String thread : dump.split("\\R\\R")) {
            boolean interesting = thread.contains("io.ticketrouter")
                    || thread.contains("http-thread-pool")
                    || thread.contains("\"main\"")
                    || thread.contains("Deadlock");
            boolean idle = thread.contains("LinkedTransferQueue")
                    || thread.contains("TaskQueue.poll")
                    || thread.contains("SynchronousQueue")
                    || thread.contains("SyncThreadWorker.getTask");
            if (interesting && !(idle && !thread.contains("io.ticketrouter"))) {
                String[] lines = thread.split("\\R");
                kept.add(String.join("\n", java.util.Arrays.copyOf(lines, Math.min(lines.length, 31))));
            }
        }
        return kept.isEmpty() ? "(no application or HTTP threads in the dump)" : String.join("\n\n", kept);
    }
}
