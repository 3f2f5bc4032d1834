package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.api.PlaidApiException;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.store.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Webhook verification keys by {@code kid}, from {@code /webhook_verification_key/get}, cached.
 * A webhook names no profile, so the key is asked of the active profile first, then of the
 * profiles of the webhook's own environment, then of the rest: the first whose Plaid knows the key
 * is the profile the webhook came to. A key is fetched again when it is not cached, when it has
 * expired, or after {@link #KEPT_FOR}. A key no profile knows is not asked about again for
 * {@link #UNKNOWN_KEPT_FOR}, and at most {@link #UNKNOWN_PER_MINUTE} unknown keys are asked about
 * a minute, so a flood of forged webhooks cannot make Tartan flood Plaid.
 */
public final class WebhookKeys implements WebhookVerifier.Keys {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookKeys.class);

    static final String OPERATION = "/webhook_verification_key/get";
    static final Duration KEPT_FOR = Duration.ofHours(24);
    static final Duration UNKNOWN_KEPT_FOR = Duration.ofMinutes(10);
    static final int UNKNOWN_PER_MINUTE = 20;
    private static final int MAX_CACHED = 1_000;
    private static final long ANSWER_SECONDS = 20;

    private final PlaidCalls plaid;
    private final Vault vault;
    private final Clock clock;
    private final Map<String, Cached> known = new HashMap<>();
    private final Map<String, KnownUnknown> unknown = new HashMap<>();
    private final Deque<Instant> unknownAsked = new ArrayDeque<>();

    private record Cached(WebhookVerifier.Found found, Instant fetchedAt) {
    }

    /** A key no profile knew, and until when that answer stands. */
    private record KnownUnknown(WebhookVerifier.Unknown answer, Instant until) {
    }

    public WebhookKeys(PlaidCalls plaid, Vault vault, Clock clock) {
        this.plaid = plaid;
        this.vault = vault;
        this.clock = clock;
    }

    /** Blocks while Plaid is asked (never call it on the FX thread). One look-up at a time. */
    @Override
    public synchronized WebhookVerifier.KeyAnswer find(String kid, String environment) {
        Instant now = clock.instant();
        Cached cached = known.get(kid);
        if (cached != null && fresh(cached, now)) {
            return cached.found();
        }
        KnownUnknown notPlaids = unknown.get(kid);
        if (cached == null && notPlaids != null && now.isBefore(notPlaids.until())) {
            return notPlaids.answer();
        }
        if (cached == null && !mayAskAboutUnknown(now)) {
            return new WebhookVerifier.Unavailable("Tartan asked Plaid about " + UNKNOWN_PER_MINUTE
                    + " keys it did not know in the last minute, and waits before asking about more");
        }
        List<Profile> profiles = profilesToAsk(environment);
        if (profiles.isEmpty()) {
            return new WebhookVerifier.Unavailable("the vault has no profile to ask");
        }
        List<String> asked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Profile profile : profiles) {
            asked.add(profile.name());
            try {
                JsonNode key = plaid.post(profile, OPERATION, RequestBodies.of("key_id", kid))
                        .get(ANSWER_SECONDS, TimeUnit.SECONDS).json().path("key");
                if (!key.isObject()) {
                    problems.add("\"" + profile.name() + "\" got a reply without a key");
                    continue;
                }
                WebhookVerifier.Found found = new WebhookVerifier.Found(key, profile.name(), expiredAt(key));
                remember(kid, new Cached(found, now));
                return found;
            } catch (java.util.concurrent.TimeoutException e) {
                problems.add("\"" + profile.name() + "\" got no answer within " + ANSWER_SECONDS + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new WebhookVerifier.Unavailable("Tartan was closing");
            } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
                Throwable cause = Futures.unwrap(e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
                        ? e.getCause() : e);
                if (cause instanceof PlaidApiException api && doesNotKnow(api)) {
                    continue;
                }
                LOG.debug("Asking profile {} for webhook key {} failed: {}", profile.name(), kid, cause.toString());
                problems.add("\"" + profile.name() + "\" could not ask: " + cause.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            return new WebhookVerifier.Unavailable(String.join("; ", problems));
        }
        if (unknown.size() >= MAX_CACHED) {
            unknown.clear();
        }
        WebhookVerifier.Unknown answer = new WebhookVerifier.Unknown(List.copyOf(asked));
        unknown.put(kid, new KnownUnknown(answer, now.plus(UNKNOWN_KEPT_FOR)));
        return answer;
    }

    private boolean fresh(Cached cached, Instant now) {
        Instant expired = cached.found().expiredAt();
        return (expired == null || expired.isAfter(now)) && cached.fetchedAt().plus(KEPT_FOR).isAfter(now);
    }

    private boolean mayAskAboutUnknown(Instant now) {
        while (!unknownAsked.isEmpty() && unknownAsked.peekFirst().isBefore(now.minus(Duration.ofMinutes(1)))) {
            unknownAsked.removeFirst();
        }
        if (unknownAsked.size() >= UNKNOWN_PER_MINUTE) {
            return false;
        }
        unknownAsked.addLast(now);
        return true;
    }

    private void remember(String kid, Cached cached) {
        if (known.size() >= MAX_CACHED) {
            known.clear();
        }
        known.put(kid, cached);
        unknown.remove(kid);
    }

    /** Plaid's answer that it has no such key (rather than that it could not answer). */
    private static boolean doesNotKnow(PlaidApiException e) {
        String type = e.error().errorType();
        return "INVALID_INPUT".equals(type) || "INVALID_REQUEST".equals(type);
    }

    private static Instant expiredAt(JsonNode key) {
        JsonNode expired = key.path("expired_at");
        return expired.canConvertToLong() && expired.asLong() > 0 ? Instant.ofEpochSecond(expired.asLong()) : null;
    }

    /** The active profile, then those of the webhook's environment, then the rest. */
    private List<Profile> profilesToAsk(String environment) {
        List<Profile> all = new ArrayList<>(vault.profiles().list());
        Optional<String> active = vault.settings().get(SettingsService.ACTIVE_PROFILE);
        all.sort(Comparator.comparingInt((Profile p) -> active.filter(p.name()::equals).isPresent() ? 0 : 1)
                .thenComparingInt(p -> matches(p.environment(), environment) ? 0 : 1));
        return all;
    }

    /** Whether a profile of {@code environment} sends webhooks that say {@code webhookEnvironment}. */
    private static boolean matches(PlaidEnvironment environment, String webhookEnvironment) {
        if (webhookEnvironment == null) {
            return false;
        }
        return environment.isProduction() == "production".equalsIgnoreCase(webhookEnvironment);
    }
}
