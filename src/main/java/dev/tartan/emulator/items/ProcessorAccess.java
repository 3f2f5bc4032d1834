package dev.tartan.emulator.items;

/** What a processor token reaches: the token itself, its Item and its one account. */
public record ProcessorAccess(String processorToken, ProcessorToken token, ItemRecord item, AccountRecord account) {
}
