package dev.ouroboros.examples;

import java.util.List;
import java.util.Optional;

/** The examples' command-line options: {@code --name value} pairs and bare {@code --flag}s. */
public final class ExampleArgs {

    private ExampleArgs() {
    }

    /** The value after {@code name}, if the arguments hold {@code name} followed by a value. */
    public static Optional<String> option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Optional.of(args[i + 1]);
            }
        }
        return Optional.empty();
    }

    /** Tells whether the arguments hold the flag. */
    public static boolean hasFlag(String[] args, String name) {
        return List.of(args).contains(name);
    }
}
