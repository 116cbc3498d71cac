package dev.ouroboros.core.internal.watch;

import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Makes a copy of a class file whose chosen methods hand their arguments to {@link InputRecorder} on entry.
 *
 * <p>The prologue boxes every parameter into a new {@code Object[]} and calls {@code InputRecorder.record};
 * it leaves the stack empty and the locals untouched, so the method's own code and stack-map frames stay
 * valid as they are. The copy adds no field, method or attribute the JVM compares on redefinition.
 */
final class RecordingInstrumenter {

    private static final String RECORDER = Type.getInternalName(InputRecorder.class);

    private RecordingInstrumenter() {
    }

    /**
     * Returns the recording copy.
     *
     * @param classBytes the class file to copy, not changed
     * @param slots      recorder slot per method, keyed {@code name + descriptor}; constructors, static
     *                   initialisers and methods without code must not be named
     */
    static byte[] instrument(byte[] classBytes, Map<String, Integer> slots) {
        ClassNode node = new ClassNode();
        new ClassReader(classBytes).accept(node, 0);
        for (MethodNode method : node.methods) {
            Integer slot = slots.get(method.name + method.desc);
            if (slot != null) {
                if (method.name.startsWith("<") || method.instructions.size() == 0) {
                    throw new IllegalArgumentException("cannot record " + node.name + "." + method.name + method.desc
                            + ": constructors, initialisers and methods without code are never recorded");
                }
                method.instructions.insert(prologue(method, slot));
            }
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(writer);
        return writer.toByteArray();
    }

    private static InsnList prologue(MethodNode method, int slot) {
        Type[] parameters = Type.getArgumentTypes(method.desc);
        InsnList code = new InsnList();
        code.add(new LdcInsnNode(slot));
        code.add(new LdcInsnNode(parameters.length));
        code.add(new TypeInsnNode(Opcodes.ANEWARRAY, "java/lang/Object"));
        int local = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        for (int i = 0; i < parameters.length; i++) {
            Type type = parameters[i];
            code.add(new InsnNode(Opcodes.DUP));
            code.add(new LdcInsnNode(i));
            code.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), local));
            box(code, type);
            code.add(new InsnNode(Opcodes.AASTORE));
            local += type.getSize();
        }
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RECORDER, "record", "(I[Ljava/lang/Object;)V", false));
        return code;
    }

    private static void box(InsnList code, Type type) {
        String owner = switch (type.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.BYTE -> "java/lang/Byte";
            case Type.CHAR -> "java/lang/Character";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.LONG -> "java/lang/Long";
            case Type.FLOAT -> "java/lang/Float";
            case Type.DOUBLE -> "java/lang/Double";
            default -> null;
        };
        if (owner != null) {
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, owner, "valueOf",
                    "(" + type.getDescriptor() + ")L" + owner + ";", false));
        }
    }
}
