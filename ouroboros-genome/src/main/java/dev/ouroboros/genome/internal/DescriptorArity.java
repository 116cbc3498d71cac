package dev.ouroboros.genome.internal;

/** Counts the parameters of a JVM method descriptor such as {@code (I[JLjava/lang/String;)V}. */
final class DescriptorArity {

    private DescriptorArity() {
    }

    static int of(String descriptor) {
        int count = 0;
        int i = 1;
        while (i < descriptor.length() && descriptor.charAt(i) != ')') {
            char c = descriptor.charAt(i);
            if (c == '[') {
                i++;
                continue;
            }
            if (c == 'L') {
                i = descriptor.indexOf(';', i);
            }
            count++;
            i++;
        }
        return count;
    }
}
