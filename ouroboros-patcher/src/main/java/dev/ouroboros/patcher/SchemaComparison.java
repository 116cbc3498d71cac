package dev.ouroboros.patcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.RecordComponentNode;

/**
 * Compares the schema of two class files with ASM's tree API, rule by rule, collecting every violation
 * instead of stopping at the first, so that one refusal tells the whole story.
 */
final class SchemaComparison {

    /** Bits of a class file's access flags; ASM adds pseudo flags above 0xFFFF (record, deprecated). */
    private static final int CLASS_FILE_FLAGS = 0xFFFF;

    /** ACC_SUPER has no meaning since Java 8 and JVMs may normalise it, so it never blocks a swap. */
    private static final int CLASS_FLAGS = CLASS_FILE_FLAGS & ~Opcodes.ACC_SUPER;

    private final ClassNode oldClass;
    private final ClassNode newClass;
    private final List<PreflightViolation> violations = new ArrayList<>();

    private SchemaComparison(ClassNode oldClass, ClassNode newClass) {
        this.oldClass = oldClass;
        this.newClass = newClass;
    }

    static PreflightReport compare(byte[] oldBytes, byte[] newBytes) {
        ClassNode oldClass;
        ClassNode newClass;
        try {
            oldClass = read(oldBytes);
        } catch (RuntimeException e) {
            return unreadable("old", e);
        }
        try {
            newClass = read(newBytes);
        } catch (RuntimeException e) {
            return unreadable("new", e);
        }
        SchemaComparison comparison = new SchemaComparison(oldClass, newClass);
        comparison.run();
        return new PreflightReport(binaryName(oldClass.name), comparison.violations);
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return node;
    }

    private static PreflightReport unreadable(String which, RuntimeException e) {
        return new PreflightReport("<unreadable>", List.of(new PreflightViolation("<class file>",
                PreflightRule.CLASS_FILE_UNREADABLE.id(), "the " + which + " bytes are not a readable class file ("
                + e + "); hand over the complete output of the compiler")));
    }

    private void run() {
        String className = binaryName(oldClass.name);
        if (!oldClass.name.equals(newClass.name)) {
            add(className, PreflightRule.CLASS_NAME_CHANGED, "the new bytes define " + binaryName(newClass.name)
                    + "; a class can only be redefined by a class file with the same name");
            return;
        }
        if (!Objects.equals(oldClass.superName, newClass.superName)) {
            add(className, PreflightRule.SUPERCLASS_CHANGED, "superclass changed from " + binaryName(oldClass.superName)
                    + " to " + binaryName(newClass.superName) + "; redefineClasses cannot change the hierarchy");
        }
        if (!oldClass.interfaces.equals(newClass.interfaces)) {
            add(className, PreflightRule.INTERFACES_CHANGED, "interfaces changed from " + names(oldClass.interfaces)
                    + " to " + names(newClass.interfaces) + "; redefineClasses cannot change the hierarchy");
        }
        if ((oldClass.access & CLASS_FLAGS) != (newClass.access & CLASS_FLAGS)) {
            add(className, PreflightRule.CLASS_MODIFIERS_CHANGED, "class access flags changed from 0x"
                    + Integer.toHexString(oldClass.access & CLASS_FLAGS) + " to 0x"
                    + Integer.toHexString(newClass.access & CLASS_FLAGS) + "; keep the class's modifiers");
        }
        compareFields();
        compareMethods();
        compareAttributes(className);
    }

    private void compareFields() {
        Map<String, FieldNode> oldFields = fieldsByName(oldClass);
        Map<String, FieldNode> newFields = fieldsByName(newClass);
        for (FieldNode field : oldFields.values()) {
            FieldNode replacement = newFields.get(field.name);
            if (replacement == null) {
                add(fieldId(field), PreflightRule.FIELD_REMOVED, "field removed; redefineClasses cannot change"
                        + " the fields of a class - keep every field, even if the new code no longer reads it");
            } else if (!field.desc.equals(replacement.desc)) {
                add(fieldId(field), PreflightRule.FIELD_TYPE_CHANGED, "field type changed from "
                        + Type.getType(field.desc).getClassName() + " to " + Type.getType(replacement.desc).getClassName()
                        + "; redefineClasses cannot change field types");
            } else if ((field.access & CLASS_FILE_FLAGS) != (replacement.access & CLASS_FILE_FLAGS)) {
                add(fieldId(field), PreflightRule.FIELD_MODIFIERS_CHANGED, "field access flags changed from 0x"
                        + Integer.toHexString(field.access & CLASS_FILE_FLAGS) + " to 0x"
                        + Integer.toHexString(replacement.access & CLASS_FILE_FLAGS) + "; keep the field's modifiers");
            }
        }
        for (FieldNode field : newFields.values()) {
            if (!oldFields.containsKey(field.name)) {
                add(fieldId(field), PreflightRule.FIELD_ADDED, "field added; redefineClasses cannot add fields -"
                        + " compute the value in the method body instead");
            }
        }
        List<String> oldOrder = new ArrayList<>(oldFields.keySet());
        List<String> newOrder = new ArrayList<>(newFields.keySet());
        oldOrder.retainAll(newFields.keySet());
        newOrder.retainAll(oldFields.keySet());
        for (int i = 0; i < oldOrder.size(); i++) {
            if (!oldOrder.get(i).equals(newOrder.get(i))) {
                add(fieldId(oldFields.get(oldOrder.get(i))), PreflightRule.FIELD_ORDER_CHANGED, "fields declared in"
                        + " another order " + newOrder + " instead of " + oldOrder + "; keep the declaration order");
                break;
            }
        }
    }

    private void compareMethods() {
        Map<String, MethodNode> oldMethods = methodsById(oldClass);
        Map<String, MethodNode> newMethods = methodsById(newClass);
        for (Map.Entry<String, MethodNode> entry : oldMethods.entrySet()) {
            MethodNode replacement = newMethods.get(entry.getKey());
            if (replacement == null) {
                add(entry.getKey(), PreflightRule.METHOD_REMOVED, "method removed" + hint(entry.getValue())
                        + "; redefineClasses cannot remove, rename or re-sign methods");
            } else if ((entry.getValue().access & CLASS_FILE_FLAGS) != (replacement.access & CLASS_FILE_FLAGS)) {
                add(entry.getKey(), PreflightRule.METHOD_MODIFIERS_CHANGED, "method access flags changed from 0x"
                        + Integer.toHexString(entry.getValue().access & CLASS_FILE_FLAGS) + " to 0x"
                        + Integer.toHexString(replacement.access & CLASS_FILE_FLAGS) + "; keep the method's modifiers");
            }
        }
        for (Map.Entry<String, MethodNode> entry : newMethods.entrySet()) {
            if (!oldMethods.containsKey(entry.getKey())) {
                add(entry.getKey(), PreflightRule.METHOD_ADDED, "method added" + hint(entry.getValue())
                        + "; redefineClasses cannot add methods - put the new logic into an existing method body");
            }
        }
    }

    private void compareAttributes(String className) {
        if (!Objects.equals(oldClass.nestHostClass, newClass.nestHostClass)) {
            add(className, PreflightRule.NEST_HOST_CHANGED, "nest host changed from " + binaryName(oldClass.nestHostClass)
                    + " to " + binaryName(newClass.nestHostClass) + "; redefineClasses cannot change nests");
        }
        if (!Objects.equals(orEmpty(oldClass.nestMembers), orEmpty(newClass.nestMembers))) {
            add(className, PreflightRule.NEST_MEMBERS_CHANGED, "nest members changed from "
                    + names(orEmpty(oldClass.nestMembers)) + " to " + names(orEmpty(newClass.nestMembers))
                    + "; adding or removing nested and local classes (including anonymous ones) changes the nest");
        }
        if (!components(oldClass).equals(components(newClass))) {
            add(className, PreflightRule.RECORD_COMPONENTS_CHANGED, "record components changed from "
                    + components(oldClass) + " to " + components(newClass) + "; keep the record header");
        }
        if (!Objects.equals(orEmpty(oldClass.permittedSubclasses), orEmpty(newClass.permittedSubclasses))) {
            add(className, PreflightRule.PERMITTED_SUBCLASSES_CHANGED, "permitted subclasses changed from "
                    + names(orEmpty(oldClass.permittedSubclasses)) + " to "
                    + names(orEmpty(newClass.permittedSubclasses)) + "; keep the permits clause");
        }
    }

    private void add(String member, PreflightRule rule, String message) {
        violations.add(new PreflightViolation(member, rule.id(), message));
    }

    private static Map<String, FieldNode> fieldsByName(ClassNode node) {
        Map<String, FieldNode> fields = new LinkedHashMap<>();
        node.fields.forEach(f -> fields.put(f.name, f));
        return fields;
    }

    private static Map<String, MethodNode> methodsById(ClassNode node) {
        Map<String, MethodNode> methods = new LinkedHashMap<>();
        node.methods.forEach(m -> methods.put(m.name + m.desc, m));
        return methods;
    }

    private static String fieldId(FieldNode field) {
        return field.name + ":" + field.desc;
    }

    private static String hint(MethodNode method) {
        if (method.name.startsWith("lambda$")) {
            return " (a synthetic lambda body: javac numbers lambdas in source order, so an added, removed or"
                    + " moved lambda renumbers them)";
        }
        if ((method.access & Opcodes.ACC_SYNTHETIC) != 0) {
            return " (a synthetic member generated by the compiler)";
        }
        return "";
    }

    private static List<String> components(ClassNode node) {
        List<String> result = new ArrayList<>();
        if (node.recordComponents != null) {
            for (RecordComponentNode component : node.recordComponents) {
                result.add(component.name + ":" + component.descriptor);
            }
        }
        return result;
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static List<String> names(List<String> internalNames) {
        return internalNames.stream().map(SchemaComparison::binaryName).toList();
    }

    private static String binaryName(String internalName) {
        return internalName == null ? "none" : internalName.replace('/', '.');
    }
}
