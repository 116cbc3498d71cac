package dev.ouroboros.patcher;

/**
 * The rules of {@code redefineClasses} that {@link PreflightCheck} enforces before the JVM sees a class.
 *
 * <p>A redefinition may change method bodies and the constant pool only. The check is stricter than
 * HotSpot in one place on purpose: HotSpot lets a private static or final method appear or disappear,
 * but other JVMs do not, and a renumbered lambda ({@code lambda$run$0} becoming {@code lambda$run$1})
 * is usually a sign that the new class was compiled from a different source than the one that runs.
 */
public enum PreflightRule {
    /** The class file could not be parsed. */
    CLASS_FILE_UNREADABLE("class-file-unreadable"),
    /** The new bytes define a different class. */
    CLASS_NAME_CHANGED("class-name-changed"),
    /** The direct superclass differs. */
    SUPERCLASS_CHANGED("superclass-changed"),
    /** The directly implemented interfaces or their order differ. */
    INTERFACES_CHANGED("interfaces-changed"),
    /** The class's access flags differ (public, final, abstract, interface, enum, synthetic ...). */
    CLASS_MODIFIERS_CHANGED("class-modifiers-changed"),
    /** A field exists only in the new bytes. */
    FIELD_ADDED("field-added"),
    /** A field exists only in the old bytes. */
    FIELD_REMOVED("field-removed"),
    /** A field kept its name but changed its type. */
    FIELD_TYPE_CHANGED("field-type-changed"),
    /** A field kept its name and type but changed its access flags. */
    FIELD_MODIFIERS_CHANGED("field-modifiers-changed"),
    /** The same fields appear in another order, which changes the object layout. */
    FIELD_ORDER_CHANGED("field-order-changed"),
    /** A method (name plus descriptor) exists only in the new bytes; covers renamed and re-signed ones. */
    METHOD_ADDED("method-added"),
    /** A method (name plus descriptor) exists only in the old bytes. */
    METHOD_REMOVED("method-removed"),
    /** A method kept its name and descriptor but changed its access flags. */
    METHOD_MODIFIERS_CHANGED("method-modifiers-changed"),
    /** The NestHost attribute differs. */
    NEST_HOST_CHANGED("nest-host-changed"),
    /** The NestMembers attribute differs. */
    NEST_MEMBERS_CHANGED("nest-members-changed"),
    /** The Record attribute's components (names, descriptors, order) differ. */
    RECORD_COMPONENTS_CHANGED("record-components-changed"),
    /** The PermittedSubclasses attribute of a sealed class differs. */
    PERMITTED_SUBCLASSES_CHANGED("permitted-subclasses-changed");

    private final String id;

    PreflightRule(String id) {
        this.id = id;
    }

    /** Returns the stable id used in {@link PreflightViolation#rule()} and in refusal messages. */
    public String id() {
        return id;
    }
}
