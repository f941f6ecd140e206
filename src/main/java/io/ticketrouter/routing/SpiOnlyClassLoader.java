package io.ticketrouter.routing;

/**
 * Parent of every plugin jar's class loader: it shows the plugin the JDK (through the platform class loader) and the
 * routing SPI (package {@code io.ticketrouter.spi}, from the application), nothing else. A plugin therefore cannot
 * link against the server's or the application's classes, and two plugins cannot see each other. Resources are
 * not delegated to the application: a plugin jar's {@code META-INF/services} files are its own.
 */
final class SpiOnlyClassLoader extends ClassLoader {

    static final String SPI_PACKAGE_PREFIX = "io.ticketrouter.spi.";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader application;

    SpiOnlyClassLoader(ClassLoader application) {
        super("ticketrouter-spi-only", ClassLoader.getPlatformClassLoader());
        this.application = application;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(SPI_PACKAGE_PREFIX)) {
            return application.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
