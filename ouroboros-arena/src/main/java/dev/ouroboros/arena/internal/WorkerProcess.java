package dev.ouroboros.arena.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host's handle on one pooled worker JVM: starts it, performs the handshake, sends commands on
 * its stdin and turns its stdout into {@link Message}s. Two daemon threads drain stdout and stderr so
 * the worker never blocks on a full pipe; what is not a protocol line is counted and its tail kept
 * for crash reports. A worker is used by one evaluation at a time.
 */
public final class WorkerProcess {

    /** A protocol message, or one of the host-made {@link #EOF} and {@link #FLOOD} events. */
    public record Message(String verb, Properties payload) {
    }

    /** The worker's stdout ended: it exited or was killed. */
    public static final String EOF = "EOF";
    /** The worker wrote more raw stdout than allowed (a candidate writing to the file descriptor). */
    public static final String FLOOD = "FLOOD";

    private static final int MAX_LINE = 1 << 20;
    private static final int TAIL = 2000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Process process;
    private final String token;
    private final String marker;
    private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    private final Tail stdoutTail = new Tail();
    private final Tail stderrTail = new Tail();
    private final AtomicLong noise = new AtomicLong();
    private final long maxNoise;
    private volatile long noiseAtStart;
    private int served;

    private WorkerProcess(Process process, String token, long maxNoise) {
        this.process = process;
        this.token = token;
        this.marker = WorkerProtocol.MARKER + " " + token + " ";
        this.maxNoise = maxNoise;
        daemon(() -> pumpStdout(process.getInputStream()), "ouroboros-worker-stdout-" + process.pid());
        daemon(() -> pumpStderr(process.getErrorStream()), "ouroboros-worker-stderr-" + process.pid());
    }

    /**
     * Starts a worker and sends the handshake; call {@link #awaitReady} next.
     *
     * @param maxNoise raw stdout bytes per candidate before the worker counts as flooding
     * @throws IOException when the process cannot be started
     */
    public static WorkerProcess start(List<String> command, long maxNoise) throws IOException {
        Process process = new ProcessBuilder(command).start();
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        WorkerProcess worker = new WorkerProcess(process, HexFormat.of().formatHex(bytes), maxNoise);
        worker.send(WorkerProtocol.HELLO + " " + WorkerProtocol.VERSION + " " + worker.token);
        return worker;
    }

    /**
     * Waits for the worker's {@code READY}.
     *
     * @return null when ready; otherwise why the worker cannot serve (its {@code FATAL} detail, or
     *     its death or silence with the tail of its output)
     */
    public String awaitReady(long timeoutMillis) throws InterruptedException {
        Message m = await(System.nanoTime() + timeoutMillis * 1_000_000L);
        if (m == null) {
            return "the worker did not answer the handshake within " + timeoutMillis + " ms" + outputTail();
        }
        return switch (m.verb()) {
            case WorkerProtocol.READY -> null;
            case WorkerProtocol.FATAL -> m.payload().getProperty(WorkerProtocol.KEY_DETAIL, "(no detail)");
            case EOF -> "the worker exited with status " + exitStatus() + " during the handshake" + outputTail();
            default -> "the worker answered the handshake with " + m.verb() + outputTail();
        };
    }

    /** Sends one command line; false when the worker's stdin is closed. */
    public boolean send(String line) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts counting raw stdout noise for a new candidate. */
    public void startCandidate() {
        served++;
        noiseAtStart = noise.get();
        inbox.removeIf(m -> m.verb().equals(FLOOD));
    }

    /** Candidates sent to this worker so far. */
    public int served() {
        return served;
    }

    /** The next message, or null when {@code deadlineNanos} (a {@link System#nanoTime()} value) passes first. */
    public Message await(long deadlineNanos) throws InterruptedException {
        long wait = deadlineNanos - System.nanoTime();
        return wait <= 0 ? inbox.poll() : inbox.poll(wait, TimeUnit.NANOSECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The exit status, waiting briefly for it; -1 while the process still runs. */
    public int exitStatus() {
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    /** Asks the worker to quit, then kills it and its descendants if it is still there. */
    public void destroy() {
        send(WorkerProtocol.QUIT);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The end of the worker's stderr and of its non-protocol stdout, for crash reports; may be empty. */
    public String outputTail() {
        String err = stderrTail.text();
        String out = stdoutTail.text();
        return (err.isEmpty() ? "" : "; stderr: " + err) + (out.isEmpty() ? "" : "; stdout: " + out);
    }

    private void pumpStdout(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean overlong = false;
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        if (!overlong) {
                            line(line.toString(StandardCharsets.UTF_8));
                        }
                        line.reset();
                        overlong = false;
                    } else if (line.size() < MAX_LINE) {
                        line.write(b);
                    } else {
                        overlong = true;
                        noise(1, b);
                    }
                }
            }
            if (line.size() > 0 && !overlong) {
                line(line.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the stream closes when the worker dies
        }
        inbox.add(new Message(EOF, new Properties()));
    }

    private void line(String text) {
        if (text.isEmpty()) {
            return;
        }
        int at = text.indexOf(marker);
        if (at < 0) {
            noiseText(text + "\n");
            return;
        }
        if (at > 0) {
            noiseText(text.substring(0, at) + "\n");
        }
        String rest = text.substring(at + marker.length());
        int space = rest.indexOf(' ');
        String verb = space < 0 ? rest : rest.substring(0, space);
        Properties payload;
        try {
            payload = space < 0 ? new Properties() : WorkerProtocol.decode(rest.substring(space + 1));
        } catch (IllegalArgumentException e) {
            payload = new Properties();
            payload.setProperty(WorkerProtocol.KEY_DETAIL, "garbled " + verb + " message: " + e.getMessage());
            verb = "GARBLED";
        }
        inbox.add(new Message(verb, payload));
    }

    private void noiseText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        stdoutTail.add(text);
        noise(bytes.length, (byte) 0);
    }

    private void noise(long bytes, byte b) {
        long total = noise.addAndGet(bytes);
        if (b != 0) {
            stdoutTail.add(String.valueOf((char) (b & 0xFF)));
        }
        if (total - noiseAtStart > maxNoise && total - bytes - noiseAtStart <= maxNoise) {
            Properties p = new Properties();
            p.setProperty(WorkerProtocol.KEY_DETAIL, "the worker wrote more than " + maxNoise
                    + " bytes to its raw stdout during one candidate");
            inbox.add(new Message(FLOOD, p));
        }
    }

    private void pumpStderr(InputStream in) {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                stderrTail.add(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the stream closes when the worker dies
        }
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    /** The last {@value #TAIL} characters written to a stream. */
    private static final class Tail {
        private final StringBuilder text = new StringBuilder();

        synchronized void add(String s) {
            text.append(s);
            if (text.length() > 2 * TAIL) {
                text.delete(0, text.length() - TAIL);
            }
        }

        synchronized String text() {
            String s = text.length() > TAIL ? "..." + text.substring(text.length() - TAIL) : text.toString();
            return s.strip();
        }
    }
}
