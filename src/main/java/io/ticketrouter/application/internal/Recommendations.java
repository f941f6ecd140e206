package io.ticketrouter.application.internal;

import java.util.Locale;

/**
 * The sentence an agent reads next to a prediction: where to route it and, when the model is unsure, why a human
 * should look first.
 */
final class Recommendations {

    private Recommendations() {
    }

    static String text(String queue, double queueConfidence, double threshold, boolean needsReview,
                       String priority, double priorityConfidence) {
        StringBuilder s = new StringBuilder();
        if (needsReview) {
            s.append("Needs review: the model is only ").append(percent(queueConfidence))
                    .append(" sure this belongs to ").append(queue).append(", below the ").append(percent(threshold))
                    .append(" review threshold for that queue. Check the department before routing.");
        } else {
            s.append("Route to ").append(queue).append(" (").append(percent(queueConfidence))
                    .append(" confident) with ").append(priority).append(" priority.");
        }
        if ("high".equalsIgnoreCase(priority)) {
            s.append(" Urgent: high priority (").append(percent(priorityConfidence)).append("), handle it first.");
        } else if (priorityConfidence < 0.5) {
            s.append(" The priority is uncertain (").append(percent(priorityConfidence)).append(").");
        }
        return s.toString();
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%d%%", Math.round(p * 100));
    }
}
