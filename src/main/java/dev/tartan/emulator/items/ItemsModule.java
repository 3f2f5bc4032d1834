package dev.tartan.emulator.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.webhooks.Webhooks;
import dev.tartan.emulator.wire.EmulatorModule;
import dev.tartan.emulator.wire.HandlerRegistry;
import dev.tartan.emulator.wire.OperationRequest;
import dev.tartan.emulator.wire.PlaidErrors;
import dev.tartan.emulator.wire.Reply;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The Item lifecycle: Sandbox Item creation, token exchange and rotation, Item read, removal and
 * webhook changes, link tokens, and the Sandbox controls (login reset, webhooks, verification status).
 */
public final class ItemsModule implements EmulatorModule {
    private static final int DEFAULT_TRANSACTION_DAYS = 90;
    private static final int MAX_TRANSACTION_DAYS = 730;

    private final Items items;
    private final SandboxWebhooks sandboxWebhooks;

    public ItemsModule(Items items) {
        this.items = items;
        this.sandboxWebhooks = new SandboxWebhooks(items.webhooks(), items.clock());
    }

    @Override
    public void register(HandlerRegistry registry) {
        registry.register("/sandbox/public_token/create", this::sandboxPublicTokenCreate);
        registry.register("/item/public_token/exchange", this::exchange);
        registry.register("/item/public_token/create", this::publicTokenCreate);
        registry.register("/item/get", this::itemGet);
        registry.register("/item/remove", this::itemRemove);
        registry.register("/item/webhook/update", this::webhookUpdate);
        registry.register("/item/access_token/invalidate", this::invalidate);
        registry.register("/link/token/create", this::linkTokenCreate);
        registry.register("/link/token/get", this::linkTokenGet);
        registry.register("/sandbox/item/reset_login", this::resetLogin);
        registry.register("/sandbox/item/fire_webhook", this::fireWebhook);
        registry.register("/sandbox/item/set_verification_status", this::setVerificationStatus);
    }

    private Reply sandboxPublicTokenCreate(OperationRequest request) {
        JsonNode options = request.object("options");
        List<String> products = new ArrayList<>();
        request.body().path("initial_products").forEach(p -> products.add(p.asText()));
        int days = transactionDays(options.path("transactions"));
        return items.write(() -> {
            ItemRecord item = items.createSandboxItem(request.requiredText("institution_id"), products,
                    text(options, "override_username"), text(options, "override_password"), text(options, "webhook"), days);
            ObjectNode body = Json.object();
            body.put("public_token", items.newPublicToken(item));
            return Reply.json(body);
        });
    }

    /** Days of history asked for: days_requested, else the span of start_date and end_date, else 90. */
    static int transactionDays(JsonNode transactions) {
        if (transactions.hasNonNull("days_requested")) {
            return transactions.get("days_requested").asInt();
        }
        if (transactions.hasNonNull("start_date")) {
            LocalDate start = LocalDate.parse(transactions.get("start_date").asText());
            LocalDate end = transactions.hasNonNull("end_date") ? LocalDate.parse(transactions.get("end_date").asText())
                    : LocalDate.now(ZoneOffset.UTC);
            long span = ChronoUnit.DAYS.between(start, end) + 1;
            if (span < 1) {
                throw PlaidErrors.invalidField("options.transactions.start_date must not be after options.transactions.end_date");
            }
            return (int) Math.min(span, MAX_TRANSACTION_DAYS);
        }
        return DEFAULT_TRANSACTION_DAYS;
    }

    private Reply exchange(OperationRequest request) {
        return items.write(() -> {
            String accessToken = items.exchange(request.requiredText("public_token"));
            ObjectNode body = Json.object();
            body.put("access_token", accessToken);
            body.put("item_id", items.itemFor(accessToken).itemId());
            return Reply.json(body);
        });
    }

    private Reply publicTokenCreate(OperationRequest request) {
        return items.write(() -> {
            ItemRecord item = items.itemFor(request.requiredText("access_token"));
            String token = items.newPublicToken(item);
            ObjectNode body = Json.object();
            body.put("public_token", token);
            body.put("expiration", ItemViews.timestamp(items.publicTokenExpiry(token)));
            return Reply.json(body);
        });
    }

    private Reply itemGet(OperationRequest request) {
        return items.read(() -> {
            ItemRecord item = items.itemFor(request.requiredText("access_token"));
            ObjectNode body = Json.object();
            body.set("item", ItemViews.item(item));
            body.set("status", status(item));
            return Reply.json(body);
        });
    }

    private static ObjectNode status(ItemRecord item) {
        ObjectNode status = Json.object();
        if (item.transactionsUpdatedAt() != null) {
            ObjectNode transactions = status.putObject("transactions");
            transactions.put("last_successful_update", ItemViews.timestamp(item.transactionsUpdatedAt()));
            transactions.putNull("last_failed_update");
        } else {
            status.putNull("transactions");
        }
        status.putNull("investments");
        if (item.lastWebhookCode() != null) {
            ObjectNode webhook = status.putObject("last_webhook");
            webhook.put("sent_at", ItemViews.timestamp(item.lastWebhookAt()));
            webhook.put("code_sent", item.lastWebhookCode());
        } else {
            status.putNull("last_webhook");
        }
        return status;
    }

    private Reply itemRemove(OperationRequest request) {
        return items.write(() -> {
            items.remove(items.itemFor(request.requiredText("access_token")));
            return Reply.json(Json.object());
        });
    }

    private Reply webhookUpdate(OperationRequest request) {
        return items.write(() -> {
            ItemRecord item = items.itemFor(request.requiredText("access_token"));
            items.setWebhook(item, request.text("webhook"));
            if (item.webhook() != null) {
                ObjectNode fields = Json.object();
                fields.put("item_id", item.itemId());
                fields.put("new_webhook_url", item.webhook());
                fields.putNull("error");
                items.notify(item, items.webhooks().body("WebhookUpdateAcknowledgedWebhook", "ITEM",
                        "WEBHOOK_UPDATE_ACKNOWLEDGED", fields));
            }
            ObjectNode body = Json.object();
            body.set("item", ItemViews.item(item));
            return Reply.json(body);
        });
    }

    private Reply invalidate(OperationRequest request) {
        return items.write(() -> {
            ObjectNode body = Json.object();
            body.put("new_access_token", items.rotate(request.requiredText("access_token")));
            return Reply.json(body);
        });
    }

    private Reply linkTokenCreate(OperationRequest request) {
        return items.write(() -> {
            String accessToken = request.text("access_token");
            if (accessToken != null) {
                items.itemFor(accessToken); // update mode needs a valid Item
            }
            String token = items.newLinkToken(request.body());
            ObjectNode body = Json.object();
            body.put("link_token", token);
            body.put("expiration", ItemViews.timestamp(items.linkTokenExpiry(token)));
            if (request.text("user_id") != null) {
                body.put("user_id", request.text("user_id"));
            }
            return Reply.json(body);
        });
    }

    private Reply linkTokenGet(OperationRequest request) {
        return items.read(() -> {
            String token = request.requiredText("link_token");
            JsonNode original = items.linkTokenRequest(token);
            ObjectNode body = Json.object();
            body.put("link_token", token);
            body.put("created_at", ItemViews.timestamp(items.linkTokenCreatedAt(token)));
            body.put("expiration", ItemViews.timestamp(items.linkTokenExpiry(token)));
            body.putArray("link_sessions");
            ObjectNode metadata = body.putObject("metadata");
            ArrayNode products = metadata.putArray("initial_products");
            original.path("products").forEach(products::add);
            metadata.put("webhook", text(original, "webhook"));
            ArrayNode countries = metadata.putArray("country_codes");
            original.path("country_codes").forEach(countries::add);
            metadata.put("language", text(original, "language"));
            if (original.has("institution_data")) {
                metadata.set("institution_data", original.get("institution_data"));
            }
            if (original.has("account_filters")) {
                metadata.set("account_filters", original.get("account_filters"));
            }
            metadata.put("redirect_uri", text(original, "redirect_uri"));
            metadata.put("client_name", text(original, "client_name"));
            return Reply.json(body);
        });
    }

    private Reply resetLogin(OperationRequest request) {
        return items.write(() -> {
            ItemRecord item = items.itemFor(request.requiredText("access_token"));
            items.setError(item, "ITEM_LOGIN_REQUIRED");
            items.notify(item, sandboxWebhooks.itemError(item));
            ObjectNode body = Json.object();
            body.put("reset_login", true);
            return Reply.json(body);
        });
    }

    private Reply fireWebhook(OperationRequest request) {
        return items.write(() -> {
            ItemRecord item = items.itemFor(request.requiredText("access_token"));
            if (item.webhook() == null) {
                throw PlaidErrors.of("SANDBOX_WEBHOOK_INVALID");
            }
            String code = request.requiredText("webhook_code");
            ObjectNode webhook = sandboxWebhooks.fired(item, request.text("webhook_type"), code);
            if (code.equals("LOGIN_REPAIRED")) {
                // The emulator has no Link update mode: the repaired-login webhook also repairs the Item.
                items.setError(item, null);
            }
            items.notify(item, webhook);
            ObjectNode body = Json.object();
            body.put("webhook_fired", true);
            return Reply.json(body);
        });
    }

    private Reply setVerificationStatus(OperationRequest request) {
        return items.write(() -> {
            ItemRecord item = items.itemFor(request.requiredText("access_token"));
            String accountId = request.requiredText("account_id");
            AccountRecord account = item.account(accountId).orElseThrow(() -> PlaidErrors.of("INVALID_ACCOUNT_ID"));
            if (!"pending_automatic_verification".equals(account.verificationStatus())) {
                throw PlaidErrors.invalidField("account " + accountId + " is not awaiting automated micro-deposit verification;"
                        + " create the Item at Houndstooth Bank (ins_109512) with password microdeposits_good");
            }
            String status = request.requiredText("verification_status");
            account.verificationStatus(status);
            items.notify(item, sandboxWebhooks.verification(item, account, status));
            return Reply.json(Json.object());
        });
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Builds the webhooks the Sandbox controls fire. */
    private static final class SandboxWebhooks {
        private final Webhooks webhooks;
        private final Clock clock;

        SandboxWebhooks(Webhooks webhooks, Clock clock) {
            this.webhooks = webhooks;
            this.clock = clock;
        }

        ObjectNode itemError(ItemRecord item) {
            ObjectNode fields = itemFields(item);
            fields.set("error", Items.errorOf(item).toJson());
            return webhooks.body("ItemErrorWebhook", "ITEM", "ERROR", fields);
        }

        ObjectNode verification(ItemRecord item, AccountRecord account, String status) {
            ObjectNode fields = itemFields(item);
            fields.put("account_id", account.accountId());
            fields.putNull("error");
            return status.equals("automatically_verified")
                    ? webhooks.body("AutomaticallyVerifiedWebhook", "AUTH", "AUTOMATICALLY_VERIFIED", fields)
                    : webhooks.body("VerificationExpiredWebhook", "AUTH", "VERIFICATION_EXPIRED", fields);
        }

        /** The webhook /sandbox/item/fire_webhook sends for a code (and optional type). */
        ObjectNode fired(ItemRecord item, String type, String code) {
            ObjectNode fields = itemFields(item);
            String accountId = item.accounts().isEmpty() ? null : item.accounts().get(0).accountId();
            return switch (code) {
                case "DEFAULT_UPDATE" -> defaultUpdate(item, type, fields);
                case "NEW_ACCOUNTS_AVAILABLE" -> webhooks.body("NewAccountsAvailableWebhook", "ITEM", code, withNullError(fields));
                case "SMS_MICRODEPOSITS_VERIFICATION" -> {
                    fields.put("account_id", accountId);
                    fields.put("status", "MANUALLY_VERIFIED");
                    yield webhooks.body("HostedMMDVerificationWebhook", "AUTH", code, fields);
                }
                case "USER_PERMISSION_REVOKED" -> webhooks.body("UserPermissionRevokedWebhook", "ITEM", code, withNullError(fields));
                case "USER_ACCOUNT_REVOKED" -> {
                    fields.put("account_id", accountId);
                    yield webhooks.body("UserAccountRevokedWebhook", "ITEM", code, fields);
                }
                case "PENDING_DISCONNECT" -> {
                    fields.put("reason", "INSTITUTION_MIGRATION");
                    fields.put("disconnect_time", ItemViews.timestamp(clock.instant().plus(Duration.ofDays(7))));
                    yield webhooks.body("PendingDisconnectWebhook", "ITEM", code, fields);
                }
                case "RECURRING_TRANSACTIONS_UPDATE" -> {
                    ArrayNode ids = fields.putArray("account_ids");
                    item.accounts().stream().filter(AccountRecord::hasTransactions).forEach(a -> ids.add(a.accountId()));
                    yield webhooks.body("RecurringTransactionsUpdateWebhook", "TRANSACTIONS", code, fields);
                }
                case "LOGIN_REPAIRED" -> webhooks.body("ItemLoginRepairedWebhook", "ITEM", code, fields);
                case "SYNC_UPDATES_AVAILABLE" -> {
                    fields.put("initial_update_complete", true);
                    fields.put("historical_update_complete", true);
                    yield webhooks.body("SyncUpdatesAvailableWebhook", "TRANSACTIONS", code, fields);
                }
                // The spec documents PRODUCT_READY for this endpoint as the Assets webhook (an asset report is ready).
                case "PRODUCT_READY" -> webhooks.body("AssetsProductReadyWebhook", "ASSETS", code, fields);
                case "ERROR" -> {
                    fields.set("error", PlaidErrors.of("ITEM_LOGIN_REQUIRED").toJson());
                    yield "ASSETS".equals(type)
                            ? webhooks.body("AssetsErrorWebhook", "ASSETS", code, fields)
                            : webhooks.body("ItemErrorWebhook", "ITEM", code, fields);
                }
                // AUTHORIZATION_GRANTED, the one code left, has no webhook schema in the spec: an Item webhook with just its error.
                default -> webhooks.undocumentedBody(type == null ? "ITEM" : type, code, withNullError(fields));
            };
        }

        private ObjectNode defaultUpdate(ItemRecord item, String type, ObjectNode fields) {
            String webhookType = type == null ? "TRANSACTIONS" : type;
            return switch (webhookType) {
                case "AUTH" -> {
                    withNullError(fields).putArray("account_ids_with_new_auth");
                    fields.putArray("account_ids_with_updated_auth");
                    yield webhooks.body("AuthDefaultUpdateWebhook", "AUTH", "DEFAULT_UPDATE", fields);
                }
                case "HOLDINGS" -> {
                    fields.put("new_holdings", 1);
                    fields.put("updated_holdings", 0);
                    yield webhooks.body("HoldingsDefaultUpdateWebhook", "HOLDINGS", "DEFAULT_UPDATE", withNullError(fields));
                }
                case "INVESTMENTS_TRANSACTIONS" -> {
                    fields.put("new_investments_transactions", 1);
                    fields.put("cancelled_investments_transactions", 0);
                    yield webhooks.body("InvestmentsDefaultUpdateWebhook", "INVESTMENTS_TRANSACTIONS", "DEFAULT_UPDATE",
                            withNullError(fields));
                }
                case "LIABILITIES" -> {
                    withNullError(fields).putArray("account_ids_with_new_liabilities");
                    fields.putObject("account_ids_with_updated_liabilities");
                    yield webhooks.body("LiabilitiesDefaultUpdateWebhook", "LIABILITIES", "DEFAULT_UPDATE", fields);
                }
                default -> {
                    fields.put("new_transactions", 1);
                    yield webhooks.body("DefaultUpdateWebhook", "TRANSACTIONS", "DEFAULT_UPDATE", withNullError(fields));
                }
            };
        }

        private static ObjectNode itemFields(ItemRecord item) {
            ObjectNode fields = Json.object();
            fields.put("item_id", item.itemId());
            return fields;
        }

        private static ObjectNode withNullError(ObjectNode fields) {
            fields.putNull("error");
            return fields;
        }
    }
}
