package io.ticketrouter.application;

/**
 * One plugin as {@code GET /api/plugins} shows it.
 *
 * @param name       the plugin's name (for a plugin that could not even be instantiated: its class name)
 * @param kind       {@code routing-rule} or {@code urgent-keywords}
 * @param version    the plugin's own version, "built-in" or "unknown"
 * @param apiVersion the SPI version it was written for, null when unknown
 * @param source     {@code built-in}, the application class path entry, or the jar file name in the plugin directory
 * @param className  the implementation class
 * @param state      {@code active}, {@code failed} or {@code disabled}
 * @param reason     why it failed or is disabled; null when active
 * @param order      position in the rule chain (routing rules only)
 * @param calls      tickets it was asked about since the last (re)load
 * @param fired      tickets it changed or flagged
 * @param errors     calls that threw or returned an unknown queue or priority
 * @param timeouts   calls that took longer than the time limit (or were skipped because earlier calls still hang)
 * @param lastError  the most recent error or time-out, null if none
 */
public record PluginStatus(
        String name,
        String kind,
        String version,
        String apiVersion,
        String source,
        String className,
        String state,
        String reason,
        Integer order,
        long calls,
        long fired,
        long errors,
        long timeouts,
        String lastError) {

    public static final String ACTIVE = "active";
    public static final String FAILED = "failed";
    public static final String DISABLED = "disabled";
    public static final String ROUTING_RULE = "routing-rule";
    public static final String URGENT_KEYWORDS = "urgent-keywords";
    public static final String HELPDESK_CONNECTOR = "helpdesk-connector";
}
