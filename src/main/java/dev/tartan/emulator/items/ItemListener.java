package dev.tartan.emulator.items;

/**
 * Told about Items coming and going, inside the state store's write lock, so product modules can set
 * up or drop their own per-Item state in the same step.
 */
public interface ItemListener {
    void itemCreated(ItemRecord item);

    default void itemRemoved(ItemRecord item) {
    }
}
