package dev.tartan.store;

/** A profile of that name is already there. */
public final class ProfileExistsException extends VaultException {

    public ProfileExistsException(String name) {
        super("A profile named '" + name + "' already exists. Remove it first, or replace it.");
    }
}
