package dev.tartan.emulator.assets;

import dev.tartan.emulator.wire.EmulatorModule;
import dev.tartan.emulator.wire.HandlerRegistry;

/**
 * Plaid Assets, stateful: asset reports generated from the Items' own data after a delay, read as JSON or as
 * a PDF, refreshed, filtered, removed, shared as audit copies and through relay tokens, as Plaid's Assets
 * docs describe them (see docs/emulator.md).
 */
public final class AssetsModule implements EmulatorModule {
    private final AssetReports reports;

    public AssetsModule(AssetReports reports) {
        this.reports = reports;
    }

    @Override
    public void register(HandlerRegistry registry) {
        Reports shared = new Reports(reports);
        new ReportOperations(shared).register(registry);
        new RelayOperations(shared).register(registry);
    }
}
