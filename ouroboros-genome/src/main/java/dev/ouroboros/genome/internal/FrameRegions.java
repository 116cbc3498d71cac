package dev.ouroboros.genome.internal;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.RegionKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Maps a sampled frame (class, method name, JVM descriptor, line) to the genome region it ran in.
 *
 * <p>The line decides first wherever it can: among overloads, for lambda bodies compiled into the
 * class ({@code lambda$render$0}), for instance initializer blocks (javac copies them into every
 * constructor, so their samples arrive as {@code <init>}), and among several static initializer
 * blocks. Where the line lies in no region — a field initializer, also compiled into {@code <init>}
 * or {@code <clinit>} — a constructor frame goes to the constructor that ran, found by its
 * descriptor's parameter types, and a class initializer frame goes to the class's static initializer
 * when it has exactly one.
 */
final class FrameRegions {

    private FrameRegions() {
    }

    /** The region of a frame among the regions of its file, or empty when none is known. */
    static Optional<GenomeRegion> regionOf(List<GenomeRegion> file, String className, String method,
            String descriptor, int line) {
        List<GenomeRegion> own = file.stream().filter(r -> r.className().equals(className)).toList();
        if (method.equals("<init>")) {
            return constructor(own, descriptor, line);
        }
        if (method.equals("<clinit>")) {
            return classInitializer(own, line);
        }
        List<GenomeRegion> named = own.stream().filter(r -> r.memberName().equals(method)).toList();
        if (named.size() == 1) {
            return Optional.of(named.get(0));
        }
        if (named.isEmpty()) {
            // lambda$m$0 and the like: the innermost region whose lines enclose the sample. Anonymous
            // classes (Outer$1) stay unmapped: a region must belong to the class that ran.
            return innermost(own, line);
        }
        Optional<GenomeRegion> byLine = named.stream().filter(r -> contains(r, line)).findFirst();
        if (byLine.isPresent()) {
            return byLine;
        }
        Optional<GenomeRegion> byTypes = byParameters(named, descriptor);
        if (byTypes.isPresent()) {
            return byTypes;
        }
        int arity = DescriptorArity.of(descriptor);
        return named.stream().filter(r -> writtenSimpleNames(r.parameters()).size() == arity).findFirst();
    }

    private static Optional<GenomeRegion> constructor(List<GenomeRegion> own, String descriptor, int line) {
        List<GenomeRegion> candidates = own.stream().filter(r -> r.kind() == RegionKind.CONSTRUCTOR
                || r.kind() == RegionKind.INSTANCE_INITIALIZER).toList();
        Optional<GenomeRegion> byLine = innermost(candidates, line);
        if (byLine.isPresent()) {
            return byLine;
        }
        return byParameters(candidates.stream().filter(r -> r.kind() == RegionKind.CONSTRUCTOR).toList(),
                descriptor);
    }

    private static Optional<GenomeRegion> classInitializer(List<GenomeRegion> own, int line) {
        List<GenomeRegion> blocks = own.stream().filter(r -> r.kind() == RegionKind.STATIC_INITIALIZER).toList();
        Optional<GenomeRegion> byLine = innermost(blocks, line);
        if (byLine.isPresent() || blocks.size() != 1) {
            return byLine; // several blocks and a line in none of them: which one is unknown
        }
        return Optional.of(blocks.get(0));
    }

    /**
     * The overload whose parameter types, as written in source, match the descriptor's by simple
     * name. A descriptor may carry leading parameters the source does not declare (the outer
     * instance of an inner class, an enum constant's name and ordinal), so the source's parameters
     * are matched against the descriptor's last ones, the closest length first.
     */
    private static Optional<GenomeRegion> byParameters(List<GenomeRegion> overloads, String descriptor) {
        List<String> actual = simpleParameterNames(descriptor);
        for (int extra = 0; extra <= 2 && extra <= actual.size(); extra++) {
            List<String> tail = actual.subList(extra, actual.size());
            for (GenomeRegion r : overloads) {
                if (writtenSimpleNames(r.parameters()).equals(tail)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<GenomeRegion> innermost(List<GenomeRegion> regions, int line) {
        return line < 1 ? Optional.empty() : regions.stream().filter(r -> contains(r, line))
                .min(Comparator.comparingInt(r -> r.endLine() - r.beginLine()));
    }

    private static boolean contains(GenomeRegion r, int line) {
        return line >= r.beginLine() && line <= r.endLine();
    }

    /** {@code Map.Entry,int[],T} → {@code [Entry, int[], T]}: the last segment of each written type. */
    static List<String> writtenSimpleNames(String parameters) {
        List<String> out = new ArrayList<>();
        if (parameters.isEmpty()) {
            return out;
        }
        for (String p : parameters.split(",")) {
            out.add(p.substring(p.lastIndexOf('.') + 1));
        }
        return out;
    }

    /** {@code (ILjava/util/Map$Entry;[Ljava/lang/String;)V} → {@code [int, Entry, String[]]}. */
    static List<String> simpleParameterNames(String descriptor) {
        List<String> out = new ArrayList<>();
        int i = descriptor.indexOf('(') + 1;
        while (i > 0 && i < descriptor.length() && descriptor.charAt(i) != ')') {
            int dims = 0;
            while (descriptor.charAt(i) == '[') {
                dims++;
                i++;
            }
            String name;
            char c = descriptor.charAt(i);
            if (c == 'L') {
                int end = descriptor.indexOf(';', i);
                String binary = descriptor.substring(i + 1, end);
                name = binary.substring(Math.max(binary.lastIndexOf('/'), binary.lastIndexOf('$')) + 1);
                i = end + 1;
            } else {
                name = primitive(c);
                i++;
            }
            out.add(name + "[]".repeat(dims));
        }
        return out;
    }

    private static String primitive(char c) {
        return switch (c) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            default -> throw new IllegalArgumentException("not a JVM field descriptor character: " + c);
        };
    }
}
