package io.ticketrouter.spi;

/**
 * Version of this SPI. A plugin returns {@link #VERSION} from {@link Plugin#apiVersion()}: the constant is copied into
 * the plugin's class file when it is compiled, so the server learns which API the plugin was written for.
 *
 * <p>Versions are {@code MAJOR.MINOR}. The server accepts a plugin written for the same major version and a minor
 * version not newer than its own; anything else is refused at load time with a message naming both versions.
 *
 * <ul>
 *   <li>1.2: {@link HelpdeskConnector}, a third kind of plugin that takes tickets from a helpdesk and writes the
 *       routing back into it. Plugins written for 1.0 and 1.1 run unchanged.</li>
 *   <li>1.1: {@link AbstractPlugin} and {@link AbstractRoutingRule}, base classes that answer a plugin's name, API
 *       version, order and configuration keys. Plugins written for 1.0 run unchanged.</li>
 *   <li>1.0: the first version.</li>
 * </ul>
 */
public final class RoutingApi {

    /** The API version of this jar. */
    public static final String VERSION = "1.2";

    private RoutingApi() {}

    /**
     * Whether a plugin written for {@code pluginVersion} can run on a server providing {@code serverVersion}.
     *
     * @return false for null or malformed versions
     */
    public static boolean isCompatible(String pluginVersion, String serverVersion) {
        int[] plugin = parse(pluginVersion);
        int[] server = parse(serverVersion);
        return plugin != null && server != null && plugin[0] == server[0] && plugin[1] <= server[1];
    }

    private static int[] parse(String version) {
        if (version == null || !version.matches("\\d{1,4}\\.\\d{1,4}")) {
            return null;
        }
        int dot = version.indexOf('.');
        return new int[] {Integer.parseInt(version.substring(0, dot)), Integer.parseInt(version.substring(dot + 1))};
    }
}
