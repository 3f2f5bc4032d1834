package dev.tartan.store;

import java.util.List;

/** No profile has the name asked for. */
public final class ProfileNotFoundException extends VaultException {

    public ProfileNotFoundException(String name, List<String> known) {
        super("No profile named '" + name + "'. "
                + (known.isEmpty() ? "There are no profiles yet; add one with 'tartan profile add'."
                                   : "Known profiles: " + String.join(", ", known) + "."));
    }
}
