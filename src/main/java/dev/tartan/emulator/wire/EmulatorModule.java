package dev.tartan.emulator.wire;

/** A product's stateful operations: registers a handler per path it answers. */
public interface EmulatorModule {
    void register(HandlerRegistry registry);
}
