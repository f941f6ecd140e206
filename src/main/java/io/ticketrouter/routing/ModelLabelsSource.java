package io.ticketrouter.routing;

/**
 * Where {@link PluginRouting} learns the loaded model's labels (implemented where the model is known). Optional: when
 * no bean implements it, plugins are configured without labels.
 */
public interface ModelLabelsSource {

    ModelLabels labels();
}
