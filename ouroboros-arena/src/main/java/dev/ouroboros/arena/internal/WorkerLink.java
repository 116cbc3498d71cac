package dev.ouroboros.arena.internal;

import java.io.PrintStream;
import java.util.Properties;

/**
 * The worker's end of the channel: the real stdout, taken before any user code runs, written one
 * whole line at a time under a lock so that the watchdog and the main thread never interleave.
 */
final class WorkerLink {

    private final PrintStream out;
    private final String token;

    WorkerLink(PrintStream realStdout, String token) {
        this.out = realStdout;
        this.token = token;
    }

    synchronized void send(String verb, Properties payload) {
        // A leading line break ends any partial line a candidate wrote to the raw stdout.
        out.print("\n" + WorkerProtocol.message(token, verb, payload) + "\n");
        out.flush();
    }
}
