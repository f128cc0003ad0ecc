package io.vocedge.gateway.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium for console browser tests (issue 14): Debian's {@code /usr/bin/chromium} driven through
 * {@code /usr/bin/chromedriver}. Both paths are given to Selenium explicitly, so Selenium Manager is never asked to
 * find, let alone download, a browser or a driver. Without Chromium installed the test class is skipped with a
 * message ({@code .ci/run} installs {@code chromium} and {@code chromium-driver}).
 *
 * <p>One browser per test class ({@link #start} in {@code @BeforeAll}, {@link #close} in {@code @AfterAll}): starting
 * Chromium costs about a second. {@link #visit} and {@link #shot} save a full-page PNG of every page a test looks at
 * under {@code target/screenshots/<test class>/NN-name.png} (the module's target directory when run by Maven), so a
 * human can look at them after the run. {@link #phone()} and {@link #desktop()} switch the window between a
 * phone-sized and a desktop-sized viewport.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of(System.getProperty("voc.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("voc.chromedriver", "/usr/bin/chromedriver"));
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(390, 844);
    private final ChromeDriver driver;
    private final String base;
    private final Path shots;
    private final AtomicInteger shotNo = new AtomicInteger();

    private Browser(ChromeDriver driver, String base, Path shots) {
        this.driver = driver;
        this.base = base;
        this.shots = shots;
    }

    /**
     * Starts headless Chromium for pages under {@code baseUrl} (e.g. {@code http://127.0.0.1:8080}); screenshots go to
     * {@code target/screenshots/<owner's simple name>/}. Skips the calling test (JUnit assumption) when Chromium or
     * its driver is not installed.
     */
    public static Browser start(String baseUrl, Class<?> owner) throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed (apt-get install chromium "
                        + "chromium-driver; .ci/run installs them)");
        // Selenium Manager runs only when no driver path is known: name it both ways so it never runs.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--disable-extensions",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-sync",
                "--disable-component-update",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
                "--lang=en-US",
                "--font-render-hinting=none");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        Path shots = Path.of("target", "screenshots", owner.getSimpleName());
        Files.createDirectories(shots);
        try (var old = Files.list(shots)) {
            for (Path p : old.toList()) {
                Files.deleteIfExists(p);
            }
        }
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl, shots);
    }

    /** Opens {@code path} (relative to the base URL, or absolute) without a screenshot. */
    public Browser open(String path) {
        driver.get(path.startsWith("http") ? path : base + path);
        return this;
    }

    /** Opens {@code path} and saves a screenshot named {@code name}. */
    public Browser visit(String path, String name) throws IOException {
        open(path);
        return shot(name);
    }

    /**
     * Saves a full-page screenshot of what is shown now (the whole document, not just the viewport), as
     * {@code NN-name.png}.
     */
    public Browser shot(String name) throws IOException {
        byte[] png;
        try {
            Map<String, Object> m = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) m.get("cssContentSize");
            // Capturing beyond the viewport lays the page out without a scrollbar: the full window width.
            double w = Math.max(
                    ((Number) size.get("width")).doubleValue(),
                    ((Number) driver.executeScript("return window.innerWidth;")).doubleValue());
            double h = Math.min(((Number) size.get("height")).doubleValue(), 6000);
            Map<String, Object> r = driver.executeCdpCommand(
                    "Page.captureScreenshot",
                    Map.of(
                            "format",
                            "png",
                            "captureBeyondViewport",
                            true,
                            "clip",
                            Map.of("x", 0, "y", 0, "width", w, "height", h, "scale", 1)));
            png = Base64.getDecoder().decode((String) r.get("data"));
        } catch (RuntimeException e) {
            png = driver.getScreenshotAs(OutputType.BYTES);
        }
        String file = String.format(
                java.util.Locale.ROOT,
                "%02d-%s.png",
                shotNo.incrementAndGet(),
                name.replaceAll("[^A-Za-z0-9_.-]", "_"));
        Files.write(shots.resolve(file), png);
        return this;
    }

    /** Signs in through the form on /login (the browser follows the redirect to the page asked for). */
    public Browser login(String name, String password) {
        if (!driver.getCurrentUrl().contains("/login")) {
            open("/login");
        }
        type(By.id("name"), name);
        type(By.id("password"), password);
        driver.findElement(By.id("login-submit")).click();
        waitFor(d -> !d.getCurrentUrl().contains("/login")
                || !d.findElements(By.id("login-message")).isEmpty());
        return this;
    }

    /** Signs out with the header's button. */
    public Browser logout() {
        driver.findElement(By.id("logout")).click();
        waitFor(d -> d.getCurrentUrl().contains("/login"));
        return this;
    }

    public void type(By by, String text) {
        WebElement e = driver.findElement(by);
        e.clear();
        e.sendKeys(text);
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** The visible text of the page body. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The current path and query (without scheme, host and port). */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public String title() {
        return driver.getTitle();
    }

    /**
     * Waits (generously: the machine is shared) until {@code condition} holds. An element the page re-rendered between
     * finding and reading it (live tables refresh) means "not yet", not a failure: the condition is asked again.
     */
    public void waitFor(java.util.function.Function<ChromeDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> condition.apply((ChromeDriver) d));
    }

    /** Runs JavaScript in the page and returns its result. */
    public Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    public Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    public void deleteCookies() {
        driver.manage().deleteAllCookies();
    }

    /** A phone-sized window (390 x 844 CSS pixels). */
    public Browser phone() {
        driver.manage().window().setSize(PHONE);
        return this;
    }

    /** A desktop-sized window (1280 x 900). */
    public Browser desktop() {
        driver.manage().window().setSize(DESKTOP);
        return this;
    }

    /** True when the page is wider than the window (something forces horizontal scrolling). */
    public boolean overflowsHorizontally() {
        return (Boolean) driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Path screenshots() {
        return shots;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
