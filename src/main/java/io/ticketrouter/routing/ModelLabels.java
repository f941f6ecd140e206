package io.ticketrouter.routing;

import java.util.Set;

/**
 * The queue and priority labels of the loaded model, given to plugins when they are configured so they can check
 * the names they are configured with. Empty when no model is loaded yet (plugins then skip such checks).
 */
public record ModelLabels(Set<String> queues, Set<String> priorities) {

    public static final ModelLabels NONE = new ModelLabels(Set.of(), Set.of());

    public ModelLabels {
        queues = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(queues));
        priorities = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(priorities));
    }
}
