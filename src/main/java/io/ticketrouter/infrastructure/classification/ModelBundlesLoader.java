package io.ticketrouter.infrastructure.classification;

import io.ticketrouter.classification.BundleException;
import io.ticketrouter.classification.TicketClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/** Loads bundles with the ML core's {@code ModelBundles.load(Path)}. */
@ApplicationScoped
public class ModelBundlesLoader implements BundleLoader {

    static final String LOADER_CLASS = "io.ticketrouter.classification.ModelBundles";

    @Override
    public TicketClassifier load(Path directory) throws BundleException {
        Method load;
        try {
            load = Class.forName(LOADER_CLASS, true, ModelBundlesLoader.class.getClassLoader())
                    .getMethod("load", Path.class);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new BundleException("the model loader " + LOADER_CLASS + " is not part of this build: " + e);
        }
        try {
            return (TicketClassifier) load.invoke(null, directory);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof BundleException be) {
                throw be;
            }
            throw new BundleException("cannot load the model bundle in " + directory + ": " + e.getCause(),
                    e.getCause());
        } catch (IllegalAccessException e) {
            throw new BundleException("cannot call " + LOADER_CLASS + ".load: " + e, e);
        }
    }
}
