package dev.tartan.ui.common;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Where Tartan's webhook inbox listens, for every form that asks for a webhook URL ("Use
 * Tartan's inbox"): its URL, or null with the reason it cannot be had. Changed on the FX thread
 * only (by the Webhooks pane's view model, which follows the inbox).
 */
public final class InboxUrl {

    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();

    public InboxUrl(String url, String problem) {
        set(url, problem);
    }

    /** No inbox (a view model tested without one). */
    public static InboxUrl none() {
        return new InboxUrl(null, "Tartan's webhook inbox is not running.");
    }

    /** The inbox's URL, or null when it does not listen. */
    public ReadOnlyStringProperty urlProperty() {
        return url.getReadOnlyProperty();
    }

    /** Why the inbox does not listen where it should (or at all), or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String url() {
        return url.get();
    }

    /** The inbox moved, started or stopped. */
    public void set(String newUrl, String newProblem) {
        url.set(newUrl);
        problem.set(newProblem);
    }
}
