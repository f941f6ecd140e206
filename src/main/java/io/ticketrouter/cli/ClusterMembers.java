package io.ticketrouter.cli;

import io.ticketrouter.launcher.PayaraLauncher;
import java.util.ArrayList;
import java.util.List;

/** The data-grid addresses of {@code serve --cluster-members}: {@code HOST:PORT[-PORT],...}. */
final class ClusterMembers {

    private ClusterMembers() {}

    /** {@code 127.0.0.1:6900-6902,10.0.0.5:6900} → one {@code host:port} per port. */
    static List<String> expand(String spec) {
        List<String> out = new ArrayList<>();
        for (String item : spec.split(",")) {
            String m = item.trim();
            if (m.isEmpty()) {
                continue;
            }
            int colon = m.lastIndexOf(':');
            if (colon <= 0 || colon == m.length() - 1) {
                throw notAnAddress(m);
            }
            String host = m.substring(0, colon);
            String ports = m.substring(colon + 1);
            int dash = ports.indexOf('-');
            try {
                int first = Integer.parseInt(dash < 0 ? ports : ports.substring(0, dash));
                int last = dash < 0 ? first : Integer.parseInt(ports.substring(dash + 1));
                if (first < 1 || last > 65535 || last < first || last - first > 100) {
                    throw new IllegalArgumentException(
                            "--cluster-members: bad port range in \"" + m + "\" (1-65535, at most 100 ports)");
                }
                for (int p = first; p <= last; p++) {
                    out.add(host + ":" + p);
                }
            } catch (NumberFormatException e) {
                throw notAnAddress(m);
            }
        }
        return out;
    }

    /** The first listed member address on this machine whose port is free, or null. */
    static Integer firstFreeLocalPort(List<String> members) {
        for (String m : members) {
            String host = m.substring(0, m.lastIndexOf(':'));
            int p = Integer.parseInt(m.substring(m.lastIndexOf(':') + 1));
            if ((host.equals("127.0.0.1") || host.equals("localhost")) && PayaraLauncher.portFree(p)) {
                return p;
            }
        }
        return null;
    }

    private static IllegalArgumentException notAnAddress(String item) {
        return new IllegalArgumentException("--cluster-members: \"" + item + "\" is not HOST:PORT or HOST:PORT-PORT");
    }
}
