package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.items.ItemRecord;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.wire.OperationRequest;
import dev.tartan.emulator.wire.PlaidErrors;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Authorizations, transfers, refunds and events: {@code /transfer/authorization/*}, {@code /transfer/create},
 * {@code get}, {@code list}, {@code cancel}, {@code /transfer/refund/*}, {@code /transfer/event/list} and
 * {@code sync}, and the account questions {@code /transfer/capabilities/get} and {@code /transfer/configuration/get}.
 */
final class TransferOperations {
    /** An authorization's idempotency key answers with its first decision for 48 hours. */
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(48);
    private static final int ACH_DESCRIPTION_LENGTH = 10;
    private static final int SYNC_DEFAULT_COUNT = 100;
    private static final int LIST_DEFAULT_COUNT = 25;

    private final Transfers transfers;
    private final Authorizer authorizer;
    private final Movements movements;

    TransferOperations(Transfers transfers, Authorizer authorizer, Movements movements) {
        this.transfers = transfers;
        this.authorizer = authorizer;
        this.movements = movements;
    }

    void register(Routes routes) {
        routes.read("/transfer/capabilities/get", this::capabilities);
        routes.read("/transfer/configuration/get", this::configuration);
        routes.write("/transfer/authorization/create", this::authorize);
        routes.write("/transfer/authorization/cancel", this::cancelAuthorization);
        routes.write("/transfer/create", this::create);
        routes.read("/transfer/get", this::get);
        routes.read("/transfer/list", this::list);
        routes.write("/transfer/cancel", request -> {
            Routes.requireOwnOriginator(request);
            movements.cancel(transfer(request.requiredText("transfer_id")));
            return Json.object();
        });
        routes.read("/transfer/event/list", this::eventList);
        routes.read("/transfer/event/sync", this::eventSync);
        routes.write("/transfer/refund/create", this::refund);
        routes.read("/transfer/refund/get", request -> refundReply(refund(request.requiredText("refund_id"))));
        routes.write("/transfer/refund/cancel", request -> {
            movements.cancel(refund(request.requiredText("refund_id")));
            return Json.object();
        });
    }

    private Transfer transfer(String id) {
        return transfers.book().transfer(id).orElseThrow(() -> TransferErrors.notFound("transfer_id", "transfer", id));
    }

    private Refund refund(String id) {
        return transfers.book().refund(id).orElseThrow(() -> TransferErrors.notFound("refund_id", "refund", id));
    }

    private Authorization authorization(String id) {
        return transfers.book().authorization(id).orElseThrow(() -> TransferErrors.notFound("authorization_id", "authorization", id));
    }

    private ObjectNode capabilities(OperationRequest request) {
        Authorizer.Target target = authorizer.target(request);
        ObjectNode body = Json.object();
        ObjectNode networks = body.putObject("institution_supported_networks");
        networks.putObject("rtp").put("credit", Authorizer.reachedByRtp(target.item(), target.account()));
        networks.putObject("rfp").put("debit", false).putNull("max_amount").putNull("iso_currency_code");
        return body;
    }

    private ObjectNode configuration(OperationRequest request) {
        Routes.requireOwnOriginator(request);
        String single = Money.format(Authorizer.MAX_SINGLE_TRANSFER_CENTS);
        ObjectNode body = Json.object();
        body.put("max_single_transfer_amount", single);
        body.put("max_single_transfer_credit_amount", single);
        body.put("max_single_transfer_debit_amount", single);
        body.put("max_daily_credit_amount", "50000.00");
        body.put("max_daily_debit_amount", "50000.00");
        body.put("max_monthly_amount", "1000000.00");
        body.put("max_monthly_credit_amount", "500000.00");
        body.put("max_monthly_debit_amount", "500000.00");
        body.put("iso_currency_code", "USD");
        return body;
    }

    private ObjectNode authorize(OperationRequest request) {
        String key = request.text("idempotency_key");
        String clockId = request.text("test_clock_id");
        Instant now = transfers.now("test_clock_id", clockId);
        Optional<Authorization> earlier = key == null ? Optional.empty() : transfers.book().authorizationByKey(key)
                .filter(a -> a.made.created().plus(IDEMPOTENCY_WINDOW).isAfter(now));
        if (earlier.isPresent()) {
            return authorizationReply(earlier.get());
        }
        Authorizer.Target target = authorizer.target(request);
        Proposal proposal = authorizer.propose(request, target);
        Verdict verdict = authorizer.decide(proposal, target);
        if (request.body().path("request_guarantee").asBoolean() && proposal.isDebit()) {
            verdict = verdict.withGuarantee();
        }
        target.item().bill("transfer");
        String id = Transfers.newId();
        transfers.record(new Fact.Authorized(id, now, proposal, verdict, key, clockId));
        return authorizationReply(transfers.book().authorization(id).orElseThrow());
    }

    private static ObjectNode authorizationReply(Authorization authorization) {
        ObjectNode body = Json.object();
        body.set("authorization", TransferViews.authorization(authorization));
        return body;
    }

    private ObjectNode cancelAuthorization(OperationRequest request) {
        Authorization authorization = authorization(request.requiredText("authorization_id"));
        if (authorization.transfer != null) {
            throw PlaidErrors.invalidField("authorization_id: the authorization was already used to create transfer " + authorization.transfer.id());
        }
        if (!authorization.made.verdict().isApproved()) {
            throw PlaidErrors.invalidField("authorization_id: only approved authorizations can be cancelled");
        }
        if (!authorization.cancelled) {
            transfers.record(new Fact.AuthorizationCancelled(authorization.id()));
        }
        return Json.object();
    }

    private ObjectNode create(OperationRequest request) {
        Authorization authorization = authorization(request.requiredText("authorization_id"));
        ItemRecord item = transfers.items().itemFor(request.requiredText("access_token"));
        Proposal terms = authorization.proposal();
        if (!item.itemId().equals(terms.itemId())) {
            throw PlaidErrors.invalidField("access_token: the authorization was made for another Item");
        }
        if (!request.requiredText("account_id").equals(terms.accountId())) {
            throw PlaidErrors.invalidField("account_id: the authorization was made for account " + terms.accountId());
        }
        if (authorization.transfer != null) {
            return transferReply(authorization.transfer); // the authorization id makes /transfer/create idempotent
        }
        // A transfer lives on its authorization's timeline unless the request names a test clock.
        String clockId = request.text("test_clock_id") != null ? request.text("test_clock_id") : authorization.made.testClockId();
        Instant at = transfers.now("test_clock_id", clockId);
        checkUsable(authorization, at);
        checkSameTerms(request, terms);
        long amount = request.text("amount") == null ? terms.amountCents() : Money.cents("amount", request.text("amount"));
        if (amount > terms.amountCents()) {
            throw PlaidErrors.invalidField("amount " + Money.format(amount) + " is more than the " + Money.format(terms.amountCents())
                    + " authorized");
        }
        String description = request.requiredText("description");
        if (terms.isAch() && description.length() > ACH_DESCRIPTION_LENGTH) {
            throw PlaidErrors.invalidField("description: ACH transfers carry at most " + ACH_DESCRIPTION_LENGTH + " characters");
        }
        if (request.text("facilitator_fee") != null) {
            throw PlaidErrors.invalidField("facilitator_fee applies to Transfer for Platforms transfers, which the emulator does not model");
        }
        Transfer transfer = movements.create(authorization, amount, description, metadata(request.body().path("metadata")), at);
        return transferReply(transfer);
    }

    private static void checkUsable(Authorization authorization, Instant now) {
        Verdict verdict = authorization.made.verdict();
        if (!verdict.isApproved()) {
            throw PlaidErrors.invalidField("authorization_id: the authorization's decision is " + verdict.decision()
                    + "; only an approved authorization can create a transfer");
        }
        if (authorization.cancelled) {
            throw PlaidErrors.invalidField("authorization_id: the authorization was cancelled");
        }
        if (!authorization.usableAt(now)) {
            throw PlaidErrors.invalidField("authorization_id: the authorization expired at " + TransferViews.timestamp(authorization.expiresAt()));
        }
    }

    /** The deprecated fields of /transfer/create, when sent, must repeat what was authorized. */
    private static void checkSameTerms(OperationRequest request, Proposal terms) {
        Map<String, String> authorized = new LinkedHashMap<>();
        authorized.put("type", terms.type());
        authorized.put("network", terms.network());
        authorized.put("ach_class", terms.achClass());
        authorized.put("iso_currency_code", terms.isoCurrencyCode());
        authorized.put("origination_account_id", terms.originationAccountId());
        authorized.forEach((field, value) -> {
            String sent = request.text(field);
            if (sent != null && !sent.equals(value)) {
                throw PlaidErrors.invalidField(field + " " + sent + " does not match the authorization's (" + value + ")");
            }
        });
        String legalName = Authorizer.text(request.object("user"), "legal_name");
        if (legalName != null && !legalName.equals(terms.user().legalName())) {
            throw PlaidErrors.invalidField("user.legal_name does not match the authorization's");
        }
    }

    /** The request's metadata: at most 50 ASCII pairs, keys up to 40 characters and values up to 500. */
    private static Map<String, String> metadata(JsonNode metadata) {
        if (!metadata.isObject()) {
            return null;
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        metadata.fields().forEachRemaining(field -> {
            String key = field.getKey();
            String value = field.getValue().asText();
            if (key.length() > 40 || value.length() > 500 || !ascii(key) || !ascii(value)) {
                throw PlaidErrors.invalidField("metadata." + key + ": keys hold up to 40 and values up to 500 ASCII characters");
            }
            pairs.put(key, value);
        });
        return pairs;
    }

    private static boolean ascii(String text) {
        return text.chars().allMatch(c -> c < 128);
    }

    private static ObjectNode transferReply(Transfer transfer) {
        ObjectNode body = Json.object();
        body.set("transfer", TransferViews.transfer(transfer));
        return body;
    }

    private ObjectNode get(OperationRequest request) {
        Routes.requireOwnOriginator(request);
        String transferId = request.text("transfer_id");
        String authorizationId = request.text("authorization_id");
        if ((transferId == null) == (authorizationId == null)) {
            throw PlaidErrors.invalidField("give exactly one of transfer_id and authorization_id");
        }
        if (transferId != null) {
            return transferReply(transfer(transferId));
        }
        Authorization authorization = authorization(authorizationId);
        if (authorization.transfer == null) {
            throw TransferErrors.notFound("authorization_id", "transfer created from the authorization", authorizationId)
                    .withMessage("authorization_id: no transfer has been created from authorization " + authorizationId);
        }
        return transferReply(authorization.transfer);
    }

    private ObjectNode list(OperationRequest request) {
        Routes.Window window = Routes.Window.of(request, LIST_DEFAULT_COUNT, "start_date", "end_date");
        String origination = request.text("origination_account_id");
        String funding = request.text("funding_account_id");
        boolean otherOriginator = request.text("originator_client_id") != null;
        Predicate<Transfer> matches = transfer -> !otherOriginator && window.covers(transfer.made.at())
                && (origination == null || origination.equals(transfer.terms().originationAccountId()))
                && (funding == null || funding.equals(transfer.ledger.opened.fundingAccountId()));
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("transfers");
        window.newestFirst(transfers.book().transfers(), matches).items().forEach(t -> list.add(TransferViews.transfer(t)));
        return body;
    }

    private ObjectNode eventList(OperationRequest request) {
        Routes.Window window = Routes.Window.of(request, LIST_DEFAULT_COUNT, "start_date", "end_date");
        TransferBook book = transfers.book();
        String transferId = request.text("transfer_id");
        String sweepId = request.text("sweep_id");
        List<TransferEvent> candidates = transferId != null ? book.transfer(transferId).map(t -> t.timeline).orElse(List.of())
                : sweepId != null ? book.sweep(sweepId).map(s -> s.timeline).orElse(List.of())
                : book.events();
        String accountId = request.text("account_id");
        String type = request.text("transfer_type");
        String origination = request.text("origination_account_id");
        String funding = request.text("funding_account_id");
        boolean otherOriginator = request.text("originator_client_id") != null;
        Set<String> types = new HashSet<>();
        request.body().path("event_types").forEach(t -> types.add(t.asText()));
        Predicate<TransferEvent> matches = event -> !otherOriginator && window.covers(event.at())
                && (types.isEmpty() || types.contains(event.type().wire()))
                && (accountId == null || event.transfer() != null && accountId.equals(event.transfer().terms().accountId()))
                && (type == null || event.transfer() != null && type.equals(event.transfer().terms().type()))
                && (origination == null || event.transfer() != null && origination.equals(event.transfer().terms().originationAccountId()))
                && (funding == null || funding.equals(ledgerOf(event).opened.fundingAccountId()));
        return eventsReply(window.newestFirst(candidates, matches));
    }

    private static Ledger ledgerOf(TransferEvent event) {
        return event.transfer() != null ? event.transfer().ledger : event.sweep().ledger;
    }

    private ObjectNode eventSync(OperationRequest request) {
        long afterId = request.body().path("after_id").asLong();
        int count = request.body().hasNonNull("count") ? request.body().get("count").asInt() : SYNC_DEFAULT_COUNT;
        List<TransferEvent> events = transfers.book().events();
        int from = (int) Math.min(Math.max(afterId, 0), events.size());
        int to = (int) Math.min((long) from + count, events.size());
        return eventsReply(new Routes.Page<>(events.subList(from, to), to < events.size()));
    }

    private static ObjectNode eventsReply(Routes.Page<TransferEvent> page) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("transfer_events");
        page.items().forEach(event -> list.add(TransferViews.event(event)));
        body.put("has_more", page.hasMore());
        return body;
    }

    private ObjectNode refund(OperationRequest request) {
        String key = request.requiredText("idempotency_key");
        Optional<Refund> earlier = transfers.book().refundByKey(key);
        if (earlier.isPresent()) {
            return refundReply(earlier.get());
        }
        Transfer transfer = transfer(request.requiredText("transfer_id"));
        return refundReply(movements.refund(transfer, Money.cents("amount", request.requiredText("amount")), key));
    }

    private static ObjectNode refundReply(Refund refund) {
        ObjectNode body = Json.object();
        body.set("refund", TransferViews.refund(refund));
        return body;
    }
}
