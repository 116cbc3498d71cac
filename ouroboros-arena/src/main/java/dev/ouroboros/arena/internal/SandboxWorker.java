package dev.ouroboros.arena.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Entry point of a pooled sandbox worker JVM: {@code SandboxWorker} with no arguments, talking
 * {@link WorkerProtocol} over its stdin and stdout.
 *
 * <p>Before any user code runs it keeps the real stdin and stdout for the channel, gives user code
 * an empty {@code System.in} and points {@code System.out}/{@code System.err} at a capped capture.
 * It answers {@code HELLO} with {@code READY} (or {@code FATAL} when the JUnit Platform Launcher
 * cannot be linked), then takes candidates one after another until {@code QUIT} or the end of its
 * stdin. A candidate that leaked something ends with {@code recycle=true} and the worker halts after
 * reporting it; the watchdog halts it after reporting a limit it hit. The worker always ends with
 * {@code Runtime.halt}, so threads or shutdown hooks left by a candidate cannot keep it alive.
 */
public final class SandboxWorker {

    private SandboxWorker() {
    }

    /** Serves candidates until told to quit; see the class comment for the exit statuses. */
    public static void main(String[] args) throws IOException {
        PrintStream realOut = System.out;
        InputStream realIn = System.in;
        System.setIn(InputStream.nullInputStream());
        OutputCapture output = new OutputCapture();
        output.install();
        BufferedReader in = new BufferedReader(new InputStreamReader(realIn, StandardCharsets.UTF_8));

        String hello = in.readLine();
        String[] parts = hello == null ? new String[0] : hello.strip().split(" ");
        if (parts.length != 3 || !WorkerProtocol.HELLO.equals(parts[0])) {
            realOut.println("sandbox worker: expected 'HELLO <version> <token>', got " + hello);
            realOut.flush();
            Runtime.getRuntime().halt(WorkerProtocol.EXIT_BAD_START);
        }
        WorkerLink link = new WorkerLink(realOut, parts[2]);
        if (!String.valueOf(WorkerProtocol.VERSION).equals(parts[1])) {
            fatal(link, "this worker speaks protocol " + WorkerProtocol.VERSION + ", the host " + parts[1]
                    + ": the arena classes on the worker class path are of another version");
        }
        WorkerProgress progress = new WorkerProgress();
        TestRunner runner = null;
        try {
            runner = new TestRunner(progress);
        } catch (LinkageError e) {
            fatal(link, "the JUnit Platform Launcher is not on the worker class path"
                    + " (add org.junit.platform:junit-platform-launcher to the test class path): "
                    + WorkerProtocol.describe(e));
        }
        DifferentialTester.warmUp();
        WorkerWatchdog watchdog = new WorkerWatchdog(link, progress);
        watchdog.start();
        Properties ready = new Properties();
        ready.setProperty(WorkerProtocol.KEY_PROTOCOL, String.valueOf(WorkerProtocol.VERSION));
        ready.setProperty(WorkerProtocol.KEY_PID, Long.toString(ProcessHandle.current().pid()));
        link.send(WorkerProtocol.READY, ready);

        Map<String, WorkerSession.OriginalRun> provenOriginals = new HashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            line = line.strip();
            if (line.equals(WorkerProtocol.QUIT)) {
                break;
            }
            if (!line.startsWith(WorkerProtocol.EVAL + " ")) {
                continue;
            }
            Properties request = WorkerProtocol.decode(line.substring(WorkerProtocol.EVAL.length() + 1));
            String id = request.getProperty(WorkerProtocol.KEY_CANDIDATE, "");
            watchdog.begin(id, Long.parseLong(request.getProperty(WorkerProtocol.KEY_BUDGET, "60000")));
            Properties begin = new Properties();
            begin.setProperty(WorkerProtocol.KEY_CANDIDATE, id);
            link.send(WorkerProtocol.BEGIN, begin);
            Properties result;
            progress.phase("starting");
            try {
                result = new WorkerSession(request, runner, progress, watchdog, output, provenOriginals).evaluate();
            } catch (LinkageError e) {
                result = WorkerSession.result(WorkerProtocol.WORKER_CRASHED, "the worker could not link its classes during "
                        + progress.describe() + ": " + WorkerProtocol.describe(e), 0);
                result.setProperty(WorkerProtocol.KEY_RECYCLE, "true");
            } catch (Throwable t) {
                result = WorkerSession.result(WorkerProtocol.WORKER_CRASHED, "worker failed during "
                        + progress.describe() + ": " + WorkerProtocol.describe(t), 0);
                result.setProperty(WorkerProtocol.KEY_RECYCLE, "true");
            }
            progress.test(null);
            if (!watchdog.complete(result)) {
                sleepUntilHalted();
            }
            if (Boolean.parseBoolean(result.getProperty(WorkerProtocol.KEY_RECYCLE))) {
                break;
            }
        }
        realOut.flush();
        Runtime.getRuntime().halt(0);
    }

    private static void fatal(WorkerLink link, String detail) {
        Properties p = new Properties();
        p.setProperty(WorkerProtocol.KEY_DETAIL, detail);
        link.send(WorkerProtocol.FATAL, p);
        Runtime.getRuntime().halt(WorkerProtocol.EXIT_BAD_START);
    }

    private static void sleepUntilHalted() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // keep waiting for the watchdog's halt
            }
        }
    }
}
