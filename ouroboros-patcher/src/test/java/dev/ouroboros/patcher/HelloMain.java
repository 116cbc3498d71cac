package dev.ouroboros.patcher;

/** A main class for the forked JVM that only shows that the host program ran. */
public final class HelloMain {

    private HelloMain() {
    }

    public static void main(String[] args) {
        System.out.println("host program ran; instrumentation "
                + (AgentInstrumentation.current().isPresent() ? "present" : "absent"));
    }
}
