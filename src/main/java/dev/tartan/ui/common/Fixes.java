package dev.tartan.ui.common;

import dev.tartan.model.FixAction;

import java.util.EnumMap;
import java.util.Map;

/**
 * The fixes a view can really carry out for the failures it shows. A {@link FailureView} offers a
 * button only for a fix listed here, so no button ever does nothing.
 */
public final class Fixes {

    private static final Fixes NONE = new Fixes(new EnumMap<>(FixAction.class));

    private final Map<FixAction, Runnable> actions;

    private Fixes(Map<FixAction, Runnable> actions) {
        this.actions = actions;
    }

    /** No fix: the failure's text says what to do. */
    public static Fixes none() {
        return NONE;
    }

    /** Only "Try again", which runs {@code retry}. */
    public static Fixes retry(Runnable retry) {
        return none().with(FixAction.RETRY, retry);
    }

    /** These fixes and {@code fix}, carried out by {@code action}. */
    public Fixes with(FixAction fix, Runnable action) {
        Map<FixAction, Runnable> more = new EnumMap<>(FixAction.class);
        more.putAll(actions);
        more.put(fix, action);
        return new Fixes(more);
    }

    public boolean offers(FixAction fix) {
        return fix != null && actions.containsKey(fix);
    }

    void run(FixAction fix) {
        Runnable action = actions.get(fix);
        if (action != null) {
            action.run();
        }
    }
}
