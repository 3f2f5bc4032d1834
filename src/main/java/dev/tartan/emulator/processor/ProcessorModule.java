package dev.tartan.emulator.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.items.AccountRecord;
import dev.tartan.emulator.items.ItemRecord;
import dev.tartan.emulator.items.ItemViews;
import dev.tartan.emulator.items.Items;
import dev.tartan.emulator.items.ProcessorAccess;
import dev.tartan.emulator.products.AuthNumbers;
import dev.tartan.emulator.products.IdentityMatch;
import dev.tartan.emulator.products.Investments;
import dev.tartan.emulator.products.Liabilities;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.transactions.TransactionsService;
import dev.tartan.emulator.wire.EmulatorModule;
import dev.tartan.emulator.wire.HandlerRegistry;
import dev.tartan.emulator.wire.OperationRequest;
import dev.tartan.emulator.wire.PlaidErrors;
import dev.tartan.emulator.wire.Reply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Processor tokens and the processor partner endpoints: each answers from the one account behind the
 * token, with the same data the Item's own endpoints give for that account.
 */
public final class ProcessorModule implements EmulatorModule {
    private static final int DEFAULT_COUNT = 100;
    private static final List<String> SANDBOX_PRODUCTS = List.of("auth", "identity", "transactions");

    private final Items items;
    private final TransactionsService transactions;
    private final SignalService signal;

    public ProcessorModule(Items items, TransactionsService transactions, SignalService signal) {
        this.items = items;
        this.transactions = transactions;
        this.signal = signal;
    }

    @Override
    public void register(HandlerRegistry registry) {
        registry.register("/processor/token/create", this::tokenCreate);
        registry.register("/sandbox/processor_token/create", this::sandboxTokenCreate);
        registry.register("/processor/token/permissions/set", this::permissionsSet);
        registry.register("/processor/token/permissions/get", request -> items.read(() -> {
            ObjectNode body = Json.object();
            ArrayNode products = body.putArray("products");
            items.processorFor(request.requiredText("processor_token")).token().products().forEach(products::add);
            return Reply.json(body);
        }));
        registry.register("/processor/token/webhook/update", this::webhookUpdate);

        registry.register("/processor/account/get", request -> answer(request, null, access -> {
            ObjectNode body = single(ItemViews.account(access.account()));
            body.put("institution_id", access.item().institutionId());
            return body;
        }));
        registry.register("/processor/balance/get", request -> answer(request, "balance", access ->
                single(ItemViews.accountWithFreshBalance(access.account(), items.clock().instant()))));
        registry.register("/processor/auth/get", request -> answer(request, "auth", access -> {
            if (!access.account().isDepository()) {
                throw PlaidErrors.of("NO_AUTH_ACCOUNTS");
            }
            ObjectNode body = single(ItemViews.account(access.account()));
            // As /auth/get: an account awaiting micro-deposits shows its verification_status, not its numbers.
            body.set("numbers", access.account().numbersVerified() ? AuthNumbers.forAccount(access.account()) : Json.object());
            return body;
        }));
        registry.register("/processor/identity/get", request -> answer(request, "identity", access -> {
            ObjectNode account = ItemViews.account(access.account());
            account.putArray("owners").add(access.account().owner());
            return single(account);
        }));
        registry.register("/processor/identity/match", request -> answer(request, "identity_match", access ->
                single(IdentityMatch.scored(access.account(), request.object("user")))));
        registry.register("/processor/liabilities/get", request -> answer(request, "liabilities", access -> {
            if (!Liabilities.isLiability(access.account())) {
                throw PlaidErrors.of("NO_LIABILITY_ACCOUNTS");
            }
            ObjectNode body = single(ItemViews.account(access.account()));
            body.set("liabilities", Liabilities.of(access.item(), List.of(access.account())));
            return body;
        }));
        registry.register("/processor/investments/holdings/get", request -> answer(request, "investments", access -> {
            ObjectNode body = Investments.holdings(access.item(), investmentAccount(access));
            return asSingleAccount(body);
        }));
        registry.register("/processor/investments/transactions/get", request -> answer(request, "investments", access -> {
            JsonNode options = request.object("options");
            ObjectNode body = Investments.transactions(access.item(), investmentAccount(access),
                    LocalDate.parse(request.requiredText("start_date")), LocalDate.parse(request.requiredText("end_date")),
                    options.path("count").asInt(DEFAULT_COUNT), options.path("offset").asInt(0));
            return asSingleAccount(body);
        }));
        registry.register("/processor/transactions/sync", request -> answer(request, "transactions", access -> {
            ObjectNode body = transactions.sync(access.item(), List.of(access.account()), request.text("cursor"),
                    request.body().path("count").asInt(DEFAULT_COUNT),
                    request.object("options").path("include_original_description").asBoolean(false));
            return asSingleAccount(body);
        }));
        registry.register("/processor/transactions/get", request -> answer(request, "transactions", access -> {
            JsonNode options = request.object("options");
            ObjectNode body = transactions.get(access.item(), List.of(access.account()),
                    LocalDate.parse(request.requiredText("start_date")), LocalDate.parse(request.requiredText("end_date")),
                    options.path("count").asInt(DEFAULT_COUNT), options.path("offset").asLong(0),
                    options.path("include_original_description").asBoolean(false));
            body.remove("item");
            return asSingleAccount(body);
        }));
        registry.register("/processor/transactions/recurring/get", request -> answer(request, "transactions", access ->
                transactions.recurring(access.item(), List.of(access.account()))));
        registry.register("/processor/transactions/refresh", request -> items.write(() -> {
            ProcessorAccess access = usable(request);
            access.item().bill("transactions");
            transactions.refresh(access.item());
            return Reply.json(Json.object());
        }));
        registry.register("/processor/signal/evaluate", request -> items.write(() -> {
            ProcessorAccess access = usable(request);
            access.item().bill("signal");
            return Reply.json(signal.evaluate(access.item(), access.account(), access.token().processor(),
                    request.requiredText("client_transaction_id"), request.body().path("amount").asDouble(), items.clock().instant()));
        }));
        registry.register("/processor/signal/decision/report", request -> items.write(() -> {
            signal.reportDecision(SignalService.Reporter.processor(usable(request)), request.requiredText("client_transaction_id"),
                    request.body().path("initiated").asBoolean());
            return Reply.json(Json.object());
        }));
        registry.register("/processor/signal/return/report", request -> items.write(() -> {
            signal.reportReturn(SignalService.Reporter.processor(usable(request)), request.requiredText("client_transaction_id"),
                    request.requiredText("return_code"));
            return Reply.json(Json.object());
        }));
        registry.register("/processor/signal/prepare", request -> items.write(() -> {
            usable(request).item().bill("signal");
            return Reply.json(Json.object());
        }));
    }

    private Reply tokenCreate(OperationRequest request) {
        return items.write(() -> {
            ItemRecord item = items.itemFor(request.requiredText("access_token"));
            AccountRecord account = item.account(request.requiredText("account_id"))
                    .orElseThrow(() -> PlaidErrors.of("INVALID_ACCOUNT_ID"));
            ObjectNode body = Json.object();
            body.put("processor_token", items.newProcessorToken(item, account, request.requiredText("processor")));
            return Reply.json(body);
        });
    }

    /** Creates an Item at the institution and a processor token for its first checking or savings account. */
    private Reply sandboxTokenCreate(OperationRequest request) {
        JsonNode options = request.object("options");
        return items.write(() -> {
            String institutionId = request.requiredText("institution_id");
            List<String> products = new ArrayList<>(SANDBOX_PRODUCTS);
            items.institutionProducts(institutionId).ifPresent(supported -> products.retainAll(supported));
            ItemRecord item = items.createSandboxItem(institutionId, products,
                    text(options, "override_username"), text(options, "override_password"), null, 90);
            AccountRecord account = item.accounts().stream().filter(AccountRecord::isDepository).findFirst()
                    .orElse(item.accounts().get(0));
            ObjectNode body = Json.object();
            body.put("processor_token", items.newProcessorToken(item, account, "sandbox"));
            return Reply.json(body);
        });
    }

    private Reply permissionsSet(OperationRequest request) {
        return items.write(() -> {
            List<String> products = new ArrayList<>();
            request.body().path("products").forEach(p -> products.add(p.asText()));
            items.processorFor(request.requiredText("processor_token")).token().products(products);
            return Reply.json(Json.object());
        });
    }

    private Reply webhookUpdate(OperationRequest request) {
        return items.write(() -> {
            ProcessorAccess access = items.processorFor(request.requiredText("processor_token"));
            String url = Items.webhookUrl("webhook", request.text("webhook"));
            access.token().webhook(url);
            if (access.token().webhook() != null) {
                ObjectNode fields = Json.object();
                fields.put("account_id", access.account().accountId());
                fields.put("new_webhook_url", url);
                fields.putNull("error");
                items.notify(access.token(), items.webhooks().body("ProcessorTokenWebhookUpdate", "PROCESSOR_TOKEN",
                        "WEBHOOK_UPDATE_ACKNOWLEDGED", fields));
            }
            return Reply.json(Json.object());
        });
    }

    /** Resolves the token under the read lock (billing {@code product} first) and answers. */
    private Reply answer(OperationRequest request, String product, Function<ProcessorAccess, ObjectNode> answer) {
        String token = request.requiredText("processor_token");
        return items.withProcessor(token, product, access -> {
            checkPermission(access, product);
            return Reply.json(answer.apply(access));
        });
    }

    private ProcessorAccess usable(OperationRequest request) {
        ProcessorAccess access = items.processorFor(request.requiredText("processor_token"));
        Items.requireUsable(access.item());
        return access;
    }

    private static void checkPermission(ProcessorAccess access, String product) {
        List<String> allowed = access.token().products();
        if (product != null && !allowed.isEmpty() && !allowed.contains(product)) {
            throw PlaidErrors.of("INVALID_PRODUCT", "this processor token is not permitted to use the " + product
                    + " product; allowed: " + String.join(", ", allowed));
        }
    }

    private static List<AccountRecord> investmentAccount(ProcessorAccess access) {
        if (!Investments.isInvestment(access.account())) {
            throw PlaidErrors.of("NO_INVESTMENT_ACCOUNTS");
        }
        return List.of(access.account());
    }

    private static ObjectNode single(ObjectNode account) {
        ObjectNode body = Json.object();
        body.set("account", account);
        return body;
    }

    /** Replaces an Item answer's {@code accounts} array by its one {@code account}. */
    private static ObjectNode asSingleAccount(ObjectNode body) {
        JsonNode accounts = body.remove("accounts");
        body.set("account", accounts != null && !accounts.isEmpty() ? accounts.get(0) : null);
        return body;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
