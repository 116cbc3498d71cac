package dev.ouroboros.arena.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.util.Printer;

/**
 * Compares what two class files do, member by member, after the schema is known to match: field
 * constant values and method bodies as normalized instruction lists. Debug attributes, frames and
 * {@code MethodParameters} are skipped when reading ({@link ClassReader#SKIP_DEBUG},
 * {@link ClassReader#SKIP_FRAMES}); a jump target becomes the position of the next real
 * instruction, so label objects and constant-pool indexes never matter.
 */
public final class ClassComparison {

    /** The first difference: the member ({@code method name(desc)}, {@code field name:desc}) and what differs. */
    public record Difference(String member, String detail) {
    }

    private ClassComparison() {
    }

    /** The binary name of the class in {@code bytes}; a readable class file is required. */
    public static String binaryName(byte[] bytes) {
        try {
            return new ClassReader(bytes).getClassName().replace('/', '.');
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a readable class file (" + e + ")", e);
        }
    }

    /** The first member whose constant value or body differs, in the loaded class's order; null when none does. */
    public static Difference firstDifference(byte[] loaded, byte[] compiled) {
        ClassNode a = read(loaded);
        ClassNode b = read(compiled);
        Map<String, FieldNode> bFields = new HashMap<>();
        b.fields.forEach(f -> bFields.put(f.name + ":" + f.desc, f));
        for (FieldNode f : a.fields) {
            FieldNode other = bFields.get(f.name + ":" + f.desc);
            if (other == null) {
                return new Difference("field " + f.name + ":" + f.desc, "missing from the compiled class");
            }
            if (!Objects.equals(f.value, other.value)) {
                return new Difference("field " + f.name + ":" + f.desc, "constant value " + f.value + " is "
                        + other.value + " in the source");
            }
        }
        Map<String, MethodNode> bMethods = new LinkedHashMap<>();
        b.methods.forEach(m -> bMethods.put(m.name + m.desc, m));
        for (MethodNode m : a.methods) {
            String member = "method " + m.name + m.desc;
            MethodNode other = bMethods.get(m.name + m.desc);
            if (other == null) {
                return new Difference(member, "missing from the compiled class");
            }
            List<String> x = normalize(m);
            List<String> y = normalize(other);
            int n = Math.min(x.size(), y.size());
            for (int i = 0; i < n; i++) {
                if (!x.get(i).equals(y.get(i))) {
                    return new Difference(member, "instruction " + i + " is '" + x.get(i) + "' in the loaded class and '"
                            + y.get(i) + "' in the source");
                }
            }
            if (x.size() != y.size()) {
                return new Difference(member, "the loaded body has " + x.size() + " instructions, the source's "
                        + y.size());
            }
        }
        return null;
    }

    /**
     * The methods of {@code mutant} whose body differs from the same method's in {@code original}, or
     * that {@code original} lacks, as {@code name + descriptor}, in the mutant's order; static
     * initializers left out.
     */
    public static List<String> changedMethods(byte[] original, byte[] mutant) {
        Map<String, MethodNode> before = new HashMap<>();
        read(original).methods.forEach(m -> before.put(m.name + m.desc, m));
        List<String> changed = new ArrayList<>();
        for (MethodNode m : read(mutant).methods) {
            MethodNode o = before.get(m.name + m.desc);
            if (!m.name.equals("<clinit>") && (o == null || !normalize(o).equals(normalize(m)))) {
                changed.add(m.name + m.desc);
            }
        }
        return changed;
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        try {
            new ClassReader(bytes).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a readable class file (" + e + ")", e);
        }
        return node;
    }

    /** One line per real instruction, then one per try-catch block; jump targets as instruction positions. */
    static List<String> normalize(MethodNode method) {
        Map<LabelNode, Integer> position = new IdentityHashMap<>();
        int index = 0;
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LabelNode label) {
                position.put(label, index);
            } else if (insn.getOpcode() >= 0) {
                index++;
            }
        }
        List<String> lines = new ArrayList<>();
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() >= 0) {
                lines.add(text(insn, position));
            }
        }
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            lines.add("TRY " + position.get(block.start) + ".." + position.get(block.end) + " -> "
                    + position.get(block.handler) + " " + block.type);
        }
        return lines;
    }

    private static String text(AbstractInsnNode insn, Map<LabelNode, Integer> at) {
        String op = Printer.OPCODES[insn.getOpcode()];
        if (insn instanceof VarInsnNode v) {
            return op + " " + v.var;
        }
        if (insn instanceof IntInsnNode i) {
            return op + " " + i.operand;
        }
        if (insn instanceof TypeInsnNode t) {
            return op + " " + t.desc;
        }
        if (insn instanceof FieldInsnNode f) {
            return op + " " + f.owner + "." + f.name + ":" + f.desc;
        }
        if (insn instanceof MethodInsnNode m) {
            return op + " " + m.owner + "." + m.name + m.desc + (m.itf ? " itf" : "");
        }
        if (insn instanceof InvokeDynamicInsnNode d) {
            return op + " " + d.name + d.desc + " " + handle(d.bsm) + " " + java.util.Arrays.stream(d.bsmArgs)
                    .map(ClassComparison::constant).collect(Collectors.joining(", ", "[", "]"));
        }
        if (insn instanceof JumpInsnNode j) {
            return op + " @" + at.get(j.label);
        }
        if (insn instanceof LdcInsnNode l) {
            return op + " " + constant(l.cst);
        }
        if (insn instanceof IincInsnNode i) {
            return op + " " + i.var + " " + i.incr;
        }
        if (insn instanceof TableSwitchInsnNode s) {
            return op + " " + s.min + ".." + s.max + " default @" + at.get(s.dflt) + " "
                    + s.labels.stream().map(l -> "@" + at.get(l)).collect(Collectors.joining(","));
        }
        if (insn instanceof LookupSwitchInsnNode s) {
            StringBuilder b = new StringBuilder(op + " default @" + at.get(s.dflt));
            for (int i = 0; i < s.keys.size(); i++) {
                b.append(' ').append(s.keys.get(i)).append("->@").append(at.get(s.labels.get(i)));
            }
            return b.toString();
        }
        if (insn instanceof MultiANewArrayInsnNode m) {
            return op + " " + m.desc + " " + m.dims;
        }
        return op;
    }

    private static String constant(Object cst) {
        if (cst instanceof Handle h) {
            return handle(h);
        }
        if (cst instanceof String s) {
            return '"' + s + '"';
        }
        return cst.getClass().getSimpleName() + ":" + cst;
    }

    private static String handle(Handle h) {
        return "handle(" + h.getTag() + " " + h.getOwner() + "." + h.getName() + h.getDesc() + (h.isInterface() ? " itf" : "") + ")";
    }
}
