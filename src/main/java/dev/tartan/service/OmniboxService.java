package dev.tartan.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.model.ConsoleDraft;
import dev.tartan.model.IdKind;
import dev.tartan.model.IdRecognizer;
import dev.tartan.model.OmniboxDestination;
import dev.tartan.model.OmniboxMatch;
import dev.tartan.model.PaneTarget;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The omnibox (Ctrl+K): whatever id or token is pasted, say what it is and where to look at it.
 * The shape tells the kind; the token book tells which Item an item_id belongs to.
 */
public final class OmniboxService {

    private final TokenBookService tokens;

    public OmniboxService(TokenBookService tokens) {
        this.tokens = tokens;
    }

    /** What the text is, the token-book entries that mention it, and the places to open it. */
    public CompletableFuture<OmniboxMatch> lookUp(String text) {
        String value = text == null ? "" : text.strip();
        IdKind kind = IdRecognizer.recognize(value);
        return tokens.find(value).thenApply(known -> new OmniboxMatch(kind, value, known, destinations(kind, value, known), noteFor(kind)));
    }

    private static String noteFor(IdKind kind) {
        return switch (kind) {
            case SCREENING_HIT_ID -> "No Plaid call looks up a hit on its own: open its screening (scr_\u2026 or entscr_\u2026) and list its hits.";
            case PAYMENT_TOKEN -> "A payment token is for Link to complete a payment; no API call takes it.";
            default -> null;
        };
    }

    private static List<OmniboxDestination> destinations(IdKind kind, String value, List<TokenEntry> known) {
        List<OmniboxDestination> drafts = new ArrayList<>();
        switch (kind) {
            case ACCESS_TOKEN -> {
                drafts.add(new PaneTarget(PaneTarget.Kind.ITEM, value, "Open this Item in the Items pane"));
                drafts.add(draft("/item/get", "access_token", value, "Get the Item of this access token"));
                drafts.add(draft("/accounts/get", "access_token", value, "List its accounts"));
                drafts.add(draft("/transactions/sync", "access_token", value, "Sync its transactions"));
            }
            case PROCESSOR_TOKEN -> {
                drafts.add(new PaneTarget(PaneTarget.Kind.PROCESSOR_TOKEN, value, "Open this processor token in the Processor pane"));
                drafts.add(draft("/processor/account/get", "processor_token", value, "Get the account behind this processor token"));
                drafts.add(draft("/processor/auth/get", "processor_token", value, "Get its account and routing numbers"));
                drafts.add(draft("/processor/balance/get", "processor_token", value, "Get its real-time balance"));
            }
            case PUBLIC_TOKEN -> drafts.add(draft("/item/public_token/exchange", "public_token", value, "Exchange it for an access token"));
            case LINK_TOKEN -> drafts.add(draft("/link/token/get", "link_token", value, "Get this Link token's details"));
            case ASSET_REPORT_TOKEN -> {
                drafts.add(new PaneTarget(PaneTarget.Kind.ASSET_REPORT, value, "Open this asset report in the Assets pane"));
                drafts.add(draft("/asset_report/get", "asset_report_token", value, "Get the asset report"));
                drafts.add(draft("/asset_report/pdf/get", "asset_report_token", value, "Download it as PDF"));
            }
            case AUDIT_COPY_TOKEN -> {
                drafts.add(new PaneTarget(PaneTarget.Kind.ASSET_REPORT, value, "Open this audit copy's report in the Assets pane"));
                drafts.add(draft("/asset_report/audit_copy/get", "audit_copy_token", value, "Get the audit copy"));
            }
            case USER_TOKEN -> drafts.add(draft("/user/items/get", "user_token", value, "List the Items of this user"));
            case RELAY_TOKEN -> {
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                body.put("relay_token", value);
                body.put("report_type", "asset");
                drafts.add(new ConsoleDraft("/credit/relay/get", body, "Get the asset report shared through this relay token"));
            }
            case ITEM_OR_ACCOUNT_ID -> {
                // Only the token book knows which access token an item_id belongs to.
                for (TokenEntry entry : known) {
                    if (entry.kind() == TokenKind.ACCESS && value.equals(entry.ownerId())) {
                        String name = entry.label() == null ? entry.maskedValue() : entry.label();
                        drafts.add(new PaneTarget(PaneTarget.Kind.ITEM, entry.value(), "Open this Item (" + name + ") in the Items pane"));
                        drafts.add(draft("/item/get", "access_token", entry.value(), "Get this Item (" + name + ")"));
                    }
                }
            }
            case UUID -> {
                // An asset_report_id: the token book knows the token of a report it keeps.
                for (TokenEntry entry : known) {
                    if (entry.kind() == TokenKind.ASSET_REPORT && value.equals(entry.ownerId())) {
                        String name = entry.label() == null ? entry.maskedValue() : entry.label();
                        drafts.add(new PaneTarget(PaneTarget.Kind.ASSET_REPORT, entry.value(),
                                "Open this asset report (" + name + ") in the Assets pane"));
                    }
                }
                // The shape does not tell which of Transfer's objects the id is: each is offered, a transfer first.
                drafts.add(new PaneTarget(PaneTarget.Kind.TRANSFER, value, "Open the transfer with this id in the Transfers pane"));
                drafts.add(new PaneTarget(PaneTarget.Kind.TRANSFER_REFUND, value, "Open the refund with this id (and its transfer)"));
                drafts.add(new PaneTarget(PaneTarget.Kind.TRANSFER_SWEEP, value, "Open the sweep with this id"));
                drafts.add(new PaneTarget(PaneTarget.Kind.TRANSFER_RECURRING, value, "Open the recurring transfer with this id"));
                drafts.add(new PaneTarget(PaneTarget.Kind.TRANSFER_AUTHORIZATION, value,
                        "Open the transfer created from the authorization with this id"));
                drafts.add(draft("/transfer/get", "transfer_id", value, "Get the transfer with this id"));
                drafts.add(draft("/transfer/authorization/get", "authorization_id", value, "Get the transfer authorization"));
                drafts.add(draft("/transfer/refund/get", "refund_id", value, "Get the refund"));
                drafts.add(draft("/transfer/sweep/get", "sweep_id", value, "Get the sweep"));
                drafts.add(draft("/sandbox/transfer/test_clock/get", "test_clock_id", value, "Get the sandbox test clock"));
            }
            case INDIVIDUAL_SCREENING_ID -> {
                drafts.add(new PaneTarget(PaneTarget.Kind.SCREENING, value, "Open this screening in the Watchlist pane"));
                drafts.add(draft("/watchlist_screening/individual/get", "watchlist_screening_id", value, "Get this screening"));
                drafts.add(draft("/watchlist_screening/individual/hit/list", "watchlist_screening_id", value, "List its hits"));
            }
            case ENTITY_SCREENING_ID -> {
                drafts.add(new PaneTarget(PaneTarget.Kind.SCREENING, value, "Open this entity screening in the Watchlist pane"));
                drafts.add(draft("/watchlist_screening/entity/get", "entity_watchlist_screening_id", value, "Get this entity screening"));
                drafts.add(draft("/watchlist_screening/entity/hit/list", "entity_watchlist_screening_id", value, "List its hits"));
            }
            case WATCHLIST_PROGRAM_ID -> drafts.add(value.startsWith("entprg_")
                    ? draft("/watchlist_screening/entity/program/get", "entity_watchlist_program_id", value, "Get this entity program")
                    : draft("/watchlist_screening/individual/program/get", "watchlist_program_id", value, "Get this program"));
            case IDENTITY_VERIFICATION_ID -> drafts.add(draft("/identity_verification/get", "identity_verification_id", value, "Get this identity verification"));
            case BEACON_USER_ID -> drafts.add(draft("/beacon/user/get", "beacon_user_id", value, "Get this Beacon user"));
            case INSTITUTION_ID -> {
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                body.put("institution_id", value);
                body.putArray("country_codes").add("US");
                drafts.add(new ConsoleDraft("/institutions/get_by_id", body, "Get this institution"));
            }
            default -> {
                // Nothing recognisable: the caller offers a catalog search instead.
            }
        }
        return drafts;
    }

    private static ConsoleDraft draft(String path, String field, String value, String description) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put(field, value);
        return new ConsoleDraft(path, body, description);
    }
}
