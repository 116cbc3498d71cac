package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.observer.AstObserver;
import com.github.javaparser.ast.observer.ObservableProperty;
import com.github.javaparser.ast.observer.PropagatingAstObserver;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every change an edit makes to an observed subtree, in order, and follows nodes added
 * later. (It is a propagating observer itself: JavaParser's wrapper for plain observers does not
 * pass list replacements on.)
 */
final class ChangeLog extends PropagatingAstObserver {

    /** What kind of change an event is. */
    enum Kind { PROPERTY, ADDED, REMOVED, REPLACED }

    /**
     * One change.
     *
     * @param kind     what happened
     * @param owner    the node whose property or child list changed
     * @param list     the child list (list events only)
     * @param property the property (property events only)
     * @param index    the list index (list events only)
     * @param before   the value before (property, removed, replaced), may be null
     * @param after    the value after (property, added, replaced), may be null
     */
    record Event(Kind kind, Node owner, NodeList<?> list, ObservableProperty property, int index, Object before,
            Object after) {
    }

    private final List<Event> events = new ArrayList<>();

    @Override
    public void concretePropertyChange(Node observedNode, ObservableProperty property, Object oldValue,
            Object newValue) {
        events.add(new Event(Kind.PROPERTY, observedNode, null, property, -1, oldValue, newValue));
    }

    @Override
    public void concreteListChange(NodeList<?> observedNode, AstObserver.ListChangeType type, int index,
            Node nodeAddedOrRemoved) {
        Node owner = observedNode.getParentNode().orElse(null);
        events.add(type == AstObserver.ListChangeType.ADDITION
                ? new Event(Kind.ADDED, owner, observedNode, null, index, null, nodeAddedOrRemoved)
                : new Event(Kind.REMOVED, owner, observedNode, null, index, nodeAddedOrRemoved, null));
    }

    @Override
    public void concreteListReplacement(NodeList<?> observedNode, int index, Node oldNode, Node newNode) {
        events.add(new Event(Kind.REPLACED, observedNode.getParentNode().orElse(null), observedNode, null, index,
                oldNode, newNode));
    }

    /** Returns the events so far, oldest first; live view. */
    List<Event> events() {
        return events;
    }

    /** Returns the nodes whose properties or child lists changed, oldest first; null owners skipped. */
    List<Node> owners() {
        List<Node> out = new ArrayList<>(events.size());
        for (Event e : events) {
            if (e.owner() != null) {
                out.add(e.owner());
            }
        }
        return out;
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    void clear() {
        events.clear();
    }
}
