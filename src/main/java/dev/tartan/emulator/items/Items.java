package dev.tartan.emulator.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.state.StateStore;
import dev.tartan.emulator.support.Ids;
import dev.tartan.emulator.support.Mix;
import dev.tartan.emulator.webhooks.Webhooks;
import dev.tartan.emulator.wire.ApiException;
import dev.tartan.emulator.wire.PlaidErrors;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Items, their accounts and every token that leads to them: the state all product modules share.
 * Look-ups and changes run inside {@link #read} and {@link #write}; a method that changes state or
 * fires a webhook must be called inside {@link #write} (webhooks record the last one sent on the Item).
 */
public final class Items {
    static final Duration PUBLIC_TOKEN_LIFETIME = Duration.ofMinutes(30);
    static final Duration LINK_TOKEN_LIFETIME = Duration.ofHours(4);

    private final StateStore store;
    private final ItemsState state;
    private final Clock clock;
    private final long seed;
    private final ItemFactory factory;
    private final Webhooks webhooks;
    private final List<ItemListener> listeners = new CopyOnWriteArrayList<>();

    public Items(StateStore store, Clock clock, long seed, Set<String> accountSubtypes, Webhooks webhooks) {
        this.store = store;
        this.state = store.section("items", ItemsState.class, ItemsState::new);
        this.clock = clock;
        this.seed = seed;
        this.factory = new ItemFactory(accountSubtypes);
        this.webhooks = webhooks;
    }

    public void addListener(ItemListener listener) {
        listeners.add(listener);
    }

    public <R> R read(Supplier<R> action) {
        return store.read(action);
    }

    public <R> R write(Supplier<R> action) {
        return store.write(action);
    }

    /**
     * Runs {@code action} on the usable Item behind {@code accessToken} under the read lock, first
     * recording {@code product} (if not null) as billed, as Plaid does on a product's first call.
     */
    public <R> R withItem(String accessToken, String product, Function<ItemRecord, R> action) {
        if (product != null) {
            boolean billed = read(() -> usableItemFor(accessToken).billedProducts.contains(product));
            if (!billed) {
                write(() -> {
                    usableItemFor(accessToken).bill(product);
                    return null;
                });
            }
        }
        return read(() -> action.apply(usableItemFor(accessToken)));
    }

    /** Runs {@code action} on what {@code processorToken} reaches, under the read lock; the Item must be usable. */
    public <R> R withProcessor(String processorToken, String product, Function<ProcessorAccess, R> action) {
        if (product != null) {
            boolean billed = read(() -> processorFor(processorToken).item().billedProducts.contains(product));
            if (!billed) {
                write(() -> {
                    processorFor(processorToken).item().bill(product);
                    return null;
                });
            }
        }
        return read(() -> {
            ProcessorAccess access = processorFor(processorToken);
            requireUsable(access.item());
            return action.apply(access);
        });
    }

    public Clock clock() {
        return clock;
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    // ---- look-ups ------------------------------------------------------------------------------

    /** The Item behind an access token, whatever its state. */
    public ItemRecord itemFor(String accessToken) {
        String itemId = state.accessTokens.get(accessToken);
        if (itemId == null) {
            throw PlaidErrors.of("INVALID_ACCESS_TOKEN");
        }
        return existing(itemId);
    }

    /** The Item behind an access token, refusing Items in an error state (such as ITEM_LOGIN_REQUIRED). */
    public ItemRecord usableItemFor(String accessToken) {
        ItemRecord item = itemFor(accessToken);
        requireUsable(item);
        return item;
    }

    public static void requireUsable(ItemRecord item) {
        if (item.errorCode != null) {
            throw errorOf(item);
        }
    }

    /** The error an Item is in, as Plaid reports it. */
    public static ApiException errorOf(ItemRecord item) {
        return PlaidErrors.byCode(item.errorCode).orElseGet(() -> PlaidErrors.of("ITEM_LOGIN_REQUIRED"));
    }

    private ItemRecord existing(String itemId) {
        ItemRecord item = state.items.get(itemId);
        if (item == null || item.removed) {
            throw PlaidErrors.of("ITEM_NOT_FOUND");
        }
        return item;
    }

    /** The Item with this id, unless it does not exist or was removed (for products that keep Item ids, not tokens). */
    public Optional<ItemRecord> item(String itemId) {
        ItemRecord item = state.items.get(itemId);
        return item == null || item.removed ? Optional.empty() : Optional.of(item);
    }

    /** What a processor token reaches. */
    public ProcessorAccess processorFor(String processorToken) {
        ProcessorToken token = state.processorTokens.get(processorToken);
        if (token == null) {
            throw PlaidErrors.of("INVALID_PROCESSOR_TOKEN");
        }
        ItemRecord item = existing(token.itemId);
        AccountRecord account = item.account(token.accountId).orElseThrow(() -> PlaidErrors.of("INVALID_ACCOUNT_ID"));
        return new ProcessorAccess(processorToken, token, item, account);
    }

    /** The accounts named by {@code accountIds} (all when null or empty), failing on an id the Item lacks. */
    public static List<AccountRecord> accounts(ItemRecord item, JsonNode accountIds) {
        if (accountIds == null || accountIds.isMissingNode() || accountIds.isNull() || accountIds.isEmpty()) {
            return item.accounts;
        }
        List<AccountRecord> chosen = new ArrayList<>();
        for (JsonNode id : accountIds) {
            chosen.add(item.account(id.asText()).orElseThrow(() -> PlaidErrors.of("INVALID_ACCOUNT_ID")));
        }
        return chosen;
    }


    // ---- lifecycle -----------------------------------------------------------------------------

    /**
     * Creates an Item as /sandbox/public_token/create does and returns it. Fails, like Plaid, for an unknown
     * or unavailable institution, unsupported products and failing test credentials.
     */
    public ItemRecord createSandboxItem(String institutionId, List<String> products, String username, String password,
                                        String webhook, int transactionDays) {
        Institution institution = Institutions.byId(institutionId).orElseThrow(() -> PlaidErrors.of("INVALID_INSTITUTION"));
        if (institution.retired()) {
            throw PlaidErrors.of("INSTITUTION_NO_LONGER_SUPPORTED");
        }
        if (institution.health().equals("DOWN")) {
            throw PlaidErrors.of("INSTITUTION_DOWN");
        }
        List<String> unsupported = products.stream().filter(p -> !institution.supports(p)).toList();
        if (!unsupported.isEmpty()) {
            throw PlaidErrors.of("PRODUCTS_NOT_SUPPORTED", institution.name() + " does not support "
                    + String.join(", ", unsupported) + "; it supports " + String.join(", ", institution.products()));
        }
        SandboxLogin login = SandboxLogin.parse(username, password);
        ItemRecord item = factory.create(institution, products, login, webhookUrl("options.webhook", webhook), transactionDays,
                Mix.of(seed, state.itemsCreated), clock.instant());
        state.itemsCreated++;
        state.items.put(item.itemId, item);
        listeners.forEach(l -> l.itemCreated(item));
        return item;
    }

    /** The products an institution supports, if the institution exists. */
    public Optional<List<String>> institutionProducts(String institutionId) {
        return Institutions.byId(institutionId).map(Institution::products);
    }

    /** A new public token for an Item, valid for 30 minutes and one exchange. */
    public String newPublicToken(ItemRecord item) {
        String token = Ids.token("public");
        state.publicTokens.put(token, new ItemsState.PublicToken(item.itemId, clock.instant().plus(PUBLIC_TOKEN_LIFETIME)));
        return token;
    }

    public Instant publicTokenExpiry(String publicToken) {
        return state.publicTokens.get(publicToken).expiresAt;
    }

    /** Exchanges a public token for a new access token to its Item. */
    public String exchange(String publicToken) {
        ItemsState.PublicToken token = state.publicTokens.remove(publicToken);
        if (token == null || token.expiresAt.isBefore(clock.instant())) {
            throw PlaidErrors.of("INVALID_PUBLIC_TOKEN");
        }
        ItemRecord item = existing(token.itemId);
        String accessToken = Ids.token("access");
        state.accessTokens.put(accessToken, item.itemId);
        return accessToken;
    }

    /** Replaces an access token by a new one; the old one stops working. */
    public String rotate(String accessToken) {
        ItemRecord item = itemFor(accessToken);
        state.accessTokens.remove(accessToken);
        String fresh = Ids.token("access");
        state.accessTokens.put(fresh, item.itemId);
        return fresh;
    }

    /** Removes an Item: its access and processor tokens then answer ITEM_NOT_FOUND. */
    public void remove(ItemRecord item) {
        item.removed = true;
        listeners.forEach(l -> l.itemRemoved(item));
    }

    public void setWebhook(ItemRecord item, String url) {
        item.webhook = webhookUrl("webhook", url);
    }

    /** A webhook receiver's URL, checked: absolute http or https; blank means none. */
    public static String webhookUrl(String field, String url) {
        String value = blankToNull(url);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new URISyntaxException(value, "not an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            throw PlaidErrors.invalidField(field + " must be an http or https URL, such as https://example.com/plaid/webhooks");
        }
        return value;
    }

    public void setError(ItemRecord item, String errorCode) {
        item.errorCode = errorCode;
    }

    // ---- link and processor tokens ---------------------------------------------------------------

    /** Records a link token for {@code request} (credentials left out) and returns it. */
    public String newLinkToken(ObjectNode request) {
        ObjectNode kept = request.deepCopy();
        kept.remove(List.of("client_id", "secret"));
        ItemsState.LinkToken token = new ItemsState.LinkToken();
        token.createdAt = clock.instant();
        token.expiresAt = token.createdAt.plus(LINK_TOKEN_LIFETIME);
        token.request = kept;
        String value = Ids.token("link");
        state.linkTokens.put(value, token);
        return value;
    }

    public Instant linkTokenCreatedAt(String linkToken) {
        return linkToken(linkToken).createdAt;
    }

    public Instant linkTokenExpiry(String linkToken) {
        return linkToken(linkToken).expiresAt;
    }

    /** The /link/token/create request behind a link token. */
    public JsonNode linkTokenRequest(String linkToken) {
        return linkToken(linkToken).request;
    }

    private ItemsState.LinkToken linkToken(String linkToken) {
        ItemsState.LinkToken token = state.linkTokens.get(linkToken);
        if (token == null) {
            throw PlaidErrors.of("INVALID_LINK_TOKEN");
        }
        return token;
    }

    /** A new processor token for one account of an Item. */
    public String newProcessorToken(ItemRecord item, AccountRecord account, String processor) {
        ProcessorToken token = new ProcessorToken();
        token.itemId = item.itemId;
        token.accountId = account.accountId;
        token.processor = processor;
        token.createdAt = clock.instant();
        String value = Ids.token("processor");
        state.processorTokens.put(value, token);
        return value;
    }

    // ---- webhooks ----------------------------------------------------------------------------------

    /**
     * Sends an Item webhook to the Item's receiver, if it has one, and records it as the Item's last
     * webhook. Returns whether a receiver was set.
     */
    public boolean notify(ItemRecord item, ObjectNode body) {
        if (item.webhook == null) {
            return false;
        }
        item.webhookSent(body.path("webhook_code").asText(), clock.instant());
        webhooks.send(item.webhook, body);
        return true;
    }

    /** Sends a webhook about a processor token's account to the processor's receiver, if set. */
    public boolean notify(ProcessorToken token, ObjectNode body) {
        if (token.webhook == null) {
            return false;
        }
        webhooks.send(token.webhook, body);
        return true;
    }

    /** Every processor token on {@code item} (to tell processors about changes to their accounts). */
    public List<ProcessorToken> processorTokensOf(ItemRecord item) {
        return state.processorTokens.values().stream().filter(t -> t.itemId.equals(item.itemId)).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
