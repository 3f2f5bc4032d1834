package dev.tartan.emulator.transfer;

import dev.tartan.emulator.wire.EmulatorModule;
import dev.tartan.emulator.wire.HandlerRegistry;

/**
 * Plaid Transfer, stateful: authorizations, transfers and their lifecycle, events, refunds, the Plaid
 * Ledger and its sweeps, recurring transfers, test clocks, repayments and the Sandbox simulations, as
 * Plaid's Transfer docs describe them (see docs/emulator.md).
 */
public final class TransferModule implements EmulatorModule {
    private final Transfers transfers;

    public TransferModule(Transfers transfers) {
        this.transfers = transfers;
    }

    @Override
    public void register(HandlerRegistry registry) {
        Authorizer authorizer = new Authorizer(transfers);
        Movements movements = new Movements(transfers);
        Recurrences recurrences = new Recurrences(transfers, authorizer, movements);
        transfers.items().addListener(new TransferLoadSeeder(transfers, movements));
        Routes routes = new Routes(registry, transfers, recurrences);
        new TransferOperations(transfers, authorizer, movements).register(routes);
        new FundsOperations(transfers, authorizer, movements).register(routes);
        new RecurringOperations(transfers, recurrences).register(routes);
        new SandboxOperations(transfers, authorizer, movements, recurrences).register(routes);
    }
}
