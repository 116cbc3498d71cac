package dev.ouroboros.arena;

import java.util.Map;
import java.util.Objects;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * Simple, documented proxies for code quality and maintainability, read from a candidate's class
 * files with ASM: how many bytecode instructions it has (size) and its cyclomatic complexity (decision
 * points). Both are compared with the original's, so only the difference a mutant makes matters.
 *
 * <p>Instructions are real opcodes (labels, line numbers and frames excluded). A method's cyclomatic
 * complexity is 1 + its conditional jumps ({@code if*}) + its non-default switch targets + its
 * exception handlers; {@code goto} is not a decision. The class totals sum every method with code.
 *
 * @param instructions         real bytecode instructions over all methods; not negative
 * @param cyclomaticComplexity summed cyclomatic complexity over all methods with code; not negative
 * @param methods              methods with code; not negative
 */
public record BytecodeShape(int instructions, int cyclomaticComplexity, int methods) {

    /** Validates the counts. */
    public BytecodeShape {
        if (instructions < 0 || cyclomaticComplexity < 0 || methods < 0) {
            throw new IllegalArgumentException("bytecode counts must not be negative, were instructions " + instructions
                    + ", complexity " + cyclomaticComplexity + ", methods " + methods);
        }
    }

    /** The shape of these classes (binary name to class-file bytes). */
    public static BytecodeShape of(Map<String, byte[]> classes) {
        Objects.requireNonNull(classes, "classes");
        int instructions = 0;
        int complexity = 0;
        int methods = 0;
        for (byte[] bytes : classes.values()) {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            for (MethodNode m : node.methods) {
                if (m.instructions.size() == 0) {
                    continue;
                }
                methods++;
                int decisions = m.tryCatchBlocks.size();
                for (AbstractInsnNode insn : m.instructions) {
                    if (insn.getOpcode() < 0) {
                        continue;
                    }
                    instructions++;
                    if (insn instanceof JumpInsnNode && insn.getOpcode() != Opcodes.GOTO && insn.getOpcode() != Opcodes.JSR) {
                        decisions++;
                    } else if (insn instanceof TableSwitchInsnNode t) {
                        decisions += t.labels.size();
                    } else if (insn instanceof LookupSwitchInsnNode l) {
                        decisions += l.labels.size();
                    }
                }
                complexity += 1 + decisions;
            }
        }
        return new BytecodeShape(instructions, complexity, methods);
    }
}
