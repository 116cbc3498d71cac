package dev.ouroboros.core.internal;

import dev.ouroboros.core.EvolutionListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans events out to every registered listener; a throwing listener is logged and skipped. */
public final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<EvolutionListener> listeners = new CopyOnWriteArrayList<>();

    public void add(EvolutionListener listener) {
        listeners.add(listener);
    }

    public void remove(EvolutionListener listener) {
        listeners.remove(listener);
    }

    /** Delivers one event to every listener. */
    public void fire(Consumer<EvolutionListener> event) {
        for (EvolutionListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("evolution listener {} threw; the cycle goes on", l.getClass().getName(), e);
            }
        }
    }
}
