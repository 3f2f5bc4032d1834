package dev.tartan.emulator.processor;

import dev.tartan.emulator.items.AccountRecord;
import dev.tartan.emulator.items.ItemRecord;
import dev.tartan.emulator.items.Items;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.wire.EmulatorModule;
import dev.tartan.emulator.wire.HandlerRegistry;
import dev.tartan.emulator.wire.OperationRequest;
import dev.tartan.emulator.wire.PlaidErrors;
import dev.tartan.emulator.wire.Reply;

/** Signal for Items (access token and account id): evaluate, decision report, return report, prepare. */
public final class SignalModule implements EmulatorModule {
    private final Items items;
    private final SignalService signal;

    public SignalModule(Items items, SignalService signal) {
        this.items = items;
        this.signal = signal;
    }

    @Override
    public void register(HandlerRegistry registry) {
        registry.register("/signal/evaluate", this::evaluate);
        registry.register("/signal/decision/report", request -> items.write(() -> {
            signal.reportDecision(SignalService.Reporter.client(), request.requiredText("client_transaction_id"),
                    request.body().path("initiated").asBoolean());
            return Reply.json(Json.object());
        }));
        registry.register("/signal/return/report", request -> items.write(() -> {
            signal.reportReturn(SignalService.Reporter.client(), request.requiredText("client_transaction_id"),
                    request.requiredText("return_code"));
            return Reply.json(Json.object());
        }));
        registry.register("/signal/prepare", request -> items.write(() -> {
            ItemRecord item = items.usableItemFor(request.requiredText("access_token"));
            item.bill("signal");
            return Reply.json(Json.object());
        }));
    }

    private Reply evaluate(OperationRequest request) {
        return items.write(() -> {
            ItemRecord item = items.usableItemFor(request.requiredText("access_token"));
            AccountRecord account = item.account(request.requiredText("account_id"))
                    .orElseThrow(() -> PlaidErrors.of("INVALID_ACCOUNT_ID"));
            item.bill("signal");
            return Reply.json(signal.evaluate(item, account, null, request.requiredText("client_transaction_id"),
                    request.body().path("amount").asDouble(), items.clock().instant()));
        });
    }
}
