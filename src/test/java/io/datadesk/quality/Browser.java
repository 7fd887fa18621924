package io.datadesk.quality;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Debian chromium driven by Selenium through chromedriver, both from the system packages (there is no
 * network to download browsers, so Selenium Manager is never asked). Missing packages fail the tests with the command
 * that installs them: the browser gates must never pass by not running.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    Browser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need headless chromium and chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ", which are missing. Install them with: apt-get install -y chromium chromium-driver");
        }
        System.setProperty("SE_AVOID_STATS", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("datadesk-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--window-size=1280,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    /** Sets the viewport width (height 900) and the colour scheme the page sees, as a phone or desktop would. */
    void emulate(int width, String scheme) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Loads a URL and waits until it and its fonts have loaded. Logs from before are discarded. */
    void load(String url) {
        drainLogs();
        driver.get(url);
        js("return document.fonts ? document.fonts.ready.then(() => true) : true;");
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Console messages at level SEVERE (JavaScript errors, failed loads, CSP problems) since the last load. */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) errors.add(e.getMessage());
        }
        return errors;
    }

    /** Requests that failed (network error or HTTP status 400 and above) since the last load, from the DevTools log. */
    @SuppressWarnings("unchecked")
    List<String> failedRequests() {
        List<String> failed = new ArrayList<>();
        Json json = new Json();
        Map<String, String> urls = new java.util.HashMap<>();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> entry = json.toType(e.getMessage(), Map.class);
            Map<String, Object> message = (Map<String, Object>) entry.get("message");
            String method = (String) message.get("method");
            Map<String, Object> params = (Map<String, Object>) message.get("params");
            if ("Network.requestWillBeSent".equals(method)) {
                urls.put((String) params.get("requestId"), (String) ((Map<String, Object>) params.get("request")).get("url"));
            } else if ("Network.responseReceived".equals(method)) {
                Map<String, Object> response = (Map<String, Object>) params.get("response");
                Number status = (Number) response.get("status");
                String url = (String) response.get("url");
                if (status != null && status.intValue() >= 400 && !url.startsWith("data:")) failed.add(status + " " + url);
            } else if ("Network.loadingFailed".equals(method)) {
                String url = urls.getOrDefault((String) params.get("requestId"), "?");
                if (!Boolean.TRUE.equals(params.get("canceled"))) failed.add(params.get("errorText") + " " + url);
            }
        }
        return failed;
    }

    private void drainLogs() {
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var s = Files.walk(profile)) {
                s.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
