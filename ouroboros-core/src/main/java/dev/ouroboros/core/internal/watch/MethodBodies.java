package dev.ouroboros.core.internal.watch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
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

/**
 * Finds the methods whose code a winner changed, comparing instruction lists by meaning: constants by
 * value, never by constant-pool index (the JVM rebuilds the pool of the bytes it hands back), labels as
 * instruction positions, debug information and frames ignored.
 */
final class MethodBodies {

    private MethodBodies() {
    }

    /**
     * Returns {@code name + descriptor} of every method with code in both class files whose body differs,
     * in the order of {@code after}; constructors, static initialisers and bridge methods are left out
     * (a constructor cannot be wrapped before its {@code super} call; an initialiser never runs again).
     */
    static Set<String> changed(byte[] before, byte[] after) {
        Map<String, List<String>> old = new HashMap<>();
        for (MethodNode m : methods(before)) {
            old.put(m.name + m.desc, normalized(m));
        }
        Set<String> changed = new LinkedHashSet<>();
        for (MethodNode m : methods(after)) {
            String key = m.name + m.desc;
            boolean watchable = !m.name.startsWith("<") && (m.access & Opcodes.ACC_BRIDGE) == 0
                    && m.instructions.size() > 0;
            if (watchable && old.containsKey(key) && !old.get(key).equals(normalized(m))) {
                changed.add(key);
            }
        }
        return changed;
    }

    private static List<MethodNode> methods(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return node.methods;
    }

    private static List<String> normalized(MethodNode m) {
        Map<LabelNode, Integer> position = new HashMap<>();
        int real = 0;
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof LabelNode label) {
                position.put(label, real);
            } else if (insn.getOpcode() >= 0) {
                real++;
            }
        }
        List<String> out = new ArrayList<>();
        for (AbstractInsnNode insn : m.instructions) {
            if (insn.getOpcode() >= 0) {
                out.add(insn.getOpcode() + " " + operands(insn, position));
            }
        }
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            out.add("try " + position.get(t.start) + " " + position.get(t.end) + " " + position.get(t.handler) + " "
                    + t.type);
        }
        return out;
    }

    private static String operands(AbstractInsnNode insn, Map<LabelNode, Integer> at) {
        if (insn instanceof IntInsnNode i) {
            return String.valueOf(i.operand);
        } else if (insn instanceof VarInsnNode v) {
            return String.valueOf(v.var);
        } else if (insn instanceof TypeInsnNode t) {
            return t.desc;
        } else if (insn instanceof FieldInsnNode f) {
            return f.owner + "." + f.name + ":" + f.desc;
        } else if (insn instanceof MethodInsnNode mi) {
            return mi.owner + "." + mi.name + mi.desc + (mi.itf ? " itf" : "");
        } else if (insn instanceof InvokeDynamicInsnNode d) {
            return d.name + d.desc + " " + d.bsm + " " + java.util.Arrays.deepToString(d.bsmArgs);
        } else if (insn instanceof JumpInsnNode j) {
            return String.valueOf(at.get(j.label));
        } else if (insn instanceof LdcInsnNode l) {
            return l.cst.getClass().getSimpleName() + ":" + l.cst;
        } else if (insn instanceof IincInsnNode i) {
            return i.var + " " + i.incr;
        } else if (insn instanceof TableSwitchInsnNode s) {
            return s.min + ".." + s.max + " " + at.get(s.dflt) + " " + s.labels.stream().map(at::get).toList();
        } else if (insn instanceof LookupSwitchInsnNode s) {
            return s.keys + " " + at.get(s.dflt) + " " + s.labels.stream().map(at::get).toList();
        } else if (insn instanceof MultiANewArrayInsnNode a) {
            return a.desc + " " + a.dims;
        }
        return "";
    }
}
