package io.ticketrouter.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium windows for the browser tests, each with a fresh profile; {@link #close()} quits them
 * all. Browser and driver come from the system ({@code apt-get install chromium chromium-driver}); nothing is
 * downloaded at test time.
 */
public final class Browsers implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("it.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("it.chromedriver", "/usr/bin/chromedriver");

    /**
     * Aborts the calling test class when Chromium or its driver is not installed, with a visible warning; with
     * {@code CI=true} fails instead (CI must run the browser tests).
     */
    public static void requireChromium() {
        if (Files.isExecutable(Paths.get(CHROMIUM)) && Files.isExecutable(Paths.get(CHROMEDRIVER))) {
            return;
        }
        String message = "no " + CHROMIUM + " or " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver):"
                + " the browser tests are SKIPPED";
        System.out.println("[it] WARNING " + message);
        org.junit.jupiter.api.Assumptions.abort(message);
    }

    private final Path base = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath();
    private final List<WebDriver> open = new ArrayList<>();
    private int profiles;

    public WebDriver open() {
        return open(1366, 900);
    }

    public WebDriver open(int width, int height) {
        if (!Files.isExecutable(Paths.get(CHROMIUM)) || !Files.isExecutable(Paths.get(CHROMEDRIVER))) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install -y chromium chromium-driver (looked for " + CHROMIUM + " and " + CHROMEDRIVER
                    + ")");
        }
        try {
            Files.createDirectories(Paths.get(System.getProperty("java.io.tmpdir")));
            Path profile = Files.createDirectories(base.resolve(
                    "target/it-web/chrome-" + ProcessHandle.current().pid() + "-" + (++profiles)));
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--no-first-run",
                    "--disable-sync",
                    "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height,
                    "--lang=en-GB");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Paths.get(CHROMEDRIVER).toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(width, height));
            open.add(driver);
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a screenshot as {@code target/screenshots/NAME.png}. */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            Path dir = Files.createDirectories(
                    Paths.get(System.getProperty("basedir", ".")).resolve("target/screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (WebDriver driver : open) {
            try {
                driver.quit();
            } catch (RuntimeException e) {
                System.out.println("[it] could not quit a browser: " + e);
            }
        }
        open.clear();
    }
}
