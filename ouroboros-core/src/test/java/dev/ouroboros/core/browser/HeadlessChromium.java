package dev.ouroboros.core.browser;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real headless Chromium, driven through chromedriver's W3C WebDriver HTTP protocol over {@code java.net.http}.
 *
 * <p>{@link #start()} launches {@code /usr/bin/chromedriver} on a free port and opens a session with a fresh
 * profile directory; {@link #close()} deletes the session, stops chromedriver and removes the profile. When
 * Chromium or chromedriver is missing, {@link #start()} fails with the command that installs them.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final Process driver;
    private final URI base;
    private final Path profile;
    private final Path chromium;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String session;

    private HeadlessChromium(Process driver, URI base, Path profile, Path chromium) {
        this.chromium = chromium;
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** Starts chromedriver and a headless Chromium session. */
    public static HeadlessChromium start() throws IOException, InterruptedException {
        return start(CHROMIUM, CHROMEDRIVER);
    }

    static HeadlessChromium start(Path chromiumBinary, Path chromedriver) throws IOException, InterruptedException {
        for (Path p : List.of(chromiumBinary, chromedriver)) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException(p + " is missing: the browser tests drive a real headless Chromium."
                        + " Install it with 'apt-get install -y chromium chromium-driver' (Debian/Ubuntu; .ci/run does"
                        + " this by itself), or leave them out on purpose with -Dtest='!DashboardBrowserTest'");
            }
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path profile = Files.createTempDirectory("ouroboros-chromium-");
        Process driver = new ProcessBuilder(chromedriver.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile())
                .start();
        HeadlessChromium chromium = new HeadlessChromium(driver, URI.create("http://127.0.0.1:" + port + "/"), profile,
                chromiumBinary);
        try {
            chromium.awaitReady();
            chromium.openSession();
            return chromium;
        } catch (IOException | RuntimeException | InterruptedException e) {
            chromium.close();
            throw e;
        }
    }

    private void awaitReady() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            if (!driver.isAlive()) {
                throw new IllegalStateException("chromedriver exited with " + driver.exitValue());
            }
            try {
                Object ready = ((Map<?, ?>) call("GET", "status", null)).get("ready");
                if (Boolean.TRUE.equals(ready)) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromedriver did not become ready within 30 s at " + base);
    }

    private void openSession() throws IOException, InterruptedException {
        Map<String, Object> options = Map.of("binary", chromium.toString(), "args", List.of("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        Map<String, Object> caps = Map.of("capabilities", Map.of("alwaysMatch",
                Map.of("browserName", "chrome", "goog:chromeOptions", options)));
        Map<?, ?> created = (Map<?, ?>) call("POST", "session", caps);
        session = (String) created.get("sessionId");
    }

    /** Loads a page and waits until its document is loaded. */
    public void navigate(String url) throws IOException, InterruptedException {
        call("POST", "session/" + session + "/url", Map.of("url", url));
    }

    /** Returns the element matching the CSS selector; fails when there is none. */
    public String find(String css) throws IOException, InterruptedException {
        Map<?, ?> el = (Map<?, ?>) call("POST", "session/" + session + "/element",
                Map.of("using", "css selector", "value", css));
        return (String) el.get(ELEMENT);
    }

    /** Returns how many elements match the CSS selector. */
    public int count(String css) throws IOException, InterruptedException {
        return ((List<?>) call("POST", "session/" + session + "/elements",
                Map.of("using", "css selector", "value", css))).size();
    }

    /** Clicks an element as a user would. */
    public void click(String element) throws IOException, InterruptedException {
        call("POST", "session/" + session + "/element/" + element + "/click", Map.of());
    }

    /** Returns an element's rendered text. */
    public String text(String element) throws IOException, InterruptedException {
        return (String) call("GET", "session/" + session + "/element/" + element + "/text", null);
    }

    /** Runs a script in the page and returns its result (JSON values). */
    public Object execute(String script, Object... args) throws IOException, InterruptedException {
        return call("POST", "session/" + session + "/execute/sync", Map.of("script", script, "args", List.of(args)));
    }

    /** Runs an asynchronous script; it reports its result by calling its last argument. */
    public Object executeAsync(String script, Object... args) throws IOException, InterruptedException {
        return call("POST", "session/" + session + "/execute/async", Map.of("script", script, "args", List.of(args)));
    }

    /** Polls until the condition holds, at most the timeout; returns whether it held. */
    public static boolean await(Duration timeout, Check condition) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        do {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < end);
        return condition.holds();
    }

    /** A condition polled by {@link #await}. */
    public interface Check {
        boolean holds() throws IOException, InterruptedException;
    }

    private Object call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(path)).timeout(CALL_TIMEOUT);
        if (body == null) {
            req.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            req.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(MiniJson.write(body)));
        }
        HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        Object value = ((Map<?, ?>) MiniJson.parse(res.body())).get("value");
        if (res.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + method + " " + path + " failed with " + res.statusCode()
                    + ": " + value);
        }
        return value;
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", "session/" + session, null);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not end the WebDriver session: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            driver.destroy();
            try {
                if (!driver.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    driver.destroyForcibly();
                }
            } catch (InterruptedException e) {
                driver.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            deleteTree(profile);
            profile.resolveSibling(profile.getFileName() + ".log").toFile().delete();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove the browser profile " + root + ": " + e);
        }
    }
}
