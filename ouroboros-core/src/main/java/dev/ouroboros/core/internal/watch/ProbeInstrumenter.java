package dev.ouroboros.core.internal.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Makes a copy of a class file whose chosen methods report every call to {@link CallCounters}.
 *
 * <p>Each chosen method body is wrapped: on entry it stores {@code System.nanoTime()} in a new local
 * slot past the method's own locals; before every return it calls {@code CallCounters.exit}; an
 * outermost catch-all handler calls {@code CallCounters.fail} and rethrows the same exception. The copy
 * adds no field, method or attribute the JVM compares on redefinition, so it stays redefinable against
 * the original. Stack-map frames are kept (read expanded, the new slot added to each) rather than
 * recomputed, because recomputing them would load the host's classes from here.
 */
final class ProbeInstrumenter {

    private static final String COUNTERS = Type.getInternalName(CallCounters.class);

    private ProbeInstrumenter() {
    }

    /**
     * Returns the instrumented copy.
     *
     * @param classBytes the class file to copy, not changed
     * @param slots      counter slot per method, keyed {@code name + descriptor}; constructors and methods
     *                   without code must not be named
     */
    static byte[] instrument(byte[] classBytes, Map<String, Integer> slots) {
        ClassNode node = new ClassNode();
        new ClassReader(classBytes).accept(node, ClassReader.EXPAND_FRAMES);
        boolean hasFrames = (node.version & 0xFFFF) >= Opcodes.V1_6;
        for (MethodNode method : node.methods) {
            Integer slot = slots.get(method.name + method.desc);
            if (slot != null) {
                if (method.name.equals("<init>") || method.instructions.size() == 0) {
                    throw new IllegalArgumentException("cannot probe " + node.name + "." + method.name + method.desc
                            + ": constructors and methods without code are never wrapped");
                }
                wrap(method, slot, hasFrames);
            }
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(writer);
        return writer.toByteArray();
    }

    private static void wrap(MethodNode method, int slot, boolean hasFrames) {
        int start = method.maxLocals;
        LabelNode tryStart = new LabelNode();
        LabelNode tryEnd = new LabelNode();
        LabelNode handler = new LabelNode();
        for (AbstractInsnNode insn : method.instructions.toArray()) {
            if (insn instanceof FrameNode frame && hasFrames) {
                frame.local = withStartSlot(frame.local, start);
            }
            int op = insn.getOpcode();
            if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                method.instructions.insertBefore(insn, report(start, slot, "exit"));
            }
        }
        InsnList prologue = new InsnList();
        prologue.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/System", "nanoTime", "()J", false));
        prologue.add(new VarInsnNode(Opcodes.LSTORE, start));
        prologue.add(tryStart);
        method.instructions.insert(prologue);
        method.instructions.add(tryEnd);
        method.instructions.add(handler);
        if (hasFrames) {
            // Every other local is TOP: the handler reads only the start time, whatever the body stored.
            List<Object> locals = withStartSlot(List.of(), start);
            method.instructions.add(new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), 1,
                    new Object[] {"java/lang/Throwable"}));
        }
        method.instructions.add(report(start, slot, "fail"));
        method.instructions.add(new InsnNode(Opcodes.ATHROW));
        // Last in the table: the method's own handlers keep precedence over the catch-all.
        method.tryCatchBlocks.add(new TryCatchBlockNode(tryStart, tryEnd, handler, null));
        method.maxLocals = start + 2;
    }

    private static InsnList report(int startLocal, int slot, String which) {
        InsnList list = new InsnList();
        list.add(new VarInsnNode(Opcodes.LLOAD, startLocal));
        list.add(new LdcInsnNode(slot));
        list.add(new MethodInsnNode(Opcodes.INVOKESTATIC, COUNTERS, which, "(JI)V", false));
        return list;
    }

    /** The frame's locals padded with TOP up to the new slot, then the start time as a long. */
    private static List<Object> withStartSlot(List<Object> locals, int start) {
        List<Object> out = new ArrayList<>(locals == null ? List.of() : locals);
        int used = 0;
        for (Object type : out) {
            used += type == Opcodes.LONG || type == Opcodes.DOUBLE ? 2 : 1;
        }
        while (used < start) {
            out.add(Opcodes.TOP);
            used++;
        }
        out.add(Opcodes.LONG);
        return out;
    }
}
