package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.emulator.items.AccountRecord;
import dev.tartan.emulator.items.ItemListener;
import dev.tartan.emulator.items.ItemRecord;
import dev.tartan.emulator.support.Mix;
import dev.tartan.emulator.wire.PlaidErrors;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Emulator extension for load tests: a Sandbox Item created with the username {@code user_transfers_<N>}
 * comes with N transfers on its checking account, spread over the 90 days before its creation, each
 * having lived its life up to now through the same facts the API records: debits and credits settling,
 * funds becoming available, failures, cancellations, returns, refunds, and the daily sweep of
 * /sandbox/transfer/sweep/simulate. Steps still in the future stay to come, so recent transfers are
 * pending or posted. Same seed, same shape of history.
 */
final class TransferLoadSeeder implements ItemListener {
    static final int MAX_TRANSFERS = 1_000_000;
    private static final Pattern USERNAME = Pattern.compile("user_transfers_(\\d{1,7})");
    private static final Duration SPAN = Duration.ofDays(90);
    private static final LocalTime SETTLES_AT = LocalTime.of(9, 0);
    private static final LocalTime AVAILABLE_AT = LocalTime.of(15, 0);
    private static final LocalTime SWEEPS_AT = LocalTime.of(17, 0);
    private static final String[] RETURN_CODES = {"R01", "R09", "R10", "R02"};

    private final Transfers transfers;
    private final Movements movements;

    TransferLoadSeeder(Transfers transfers, Movements movements) {
        this.transfers = transfers;
        this.movements = movements;
    }

    @Override
    public void itemCreated(ItemRecord item) {
        Matcher matcher = USERNAME.matcher(item.username() == null ? "" : item.username());
        if (!matcher.matches()) {
            return;
        }
        int count = Integer.parseInt(matcher.group(1));
        if (count < 1 || count > MAX_TRANSFERS) {
            throw PlaidErrors.invalidField("options.override_username: user_transfers_<N> takes N from 1 to 1,000,000");
        }
        AccountRecord account = item.accounts().stream().filter(a -> "checking".equals(a.subtype())).findFirst().orElseThrow();
        transfers.write(() -> {
            new Run(item, account, count).play();
            return null;
        });
    }

    /** Something planned to happen at a time; the order number keeps steps at the same time in the order planned. */
    private record Planned(Instant at, long order, Runnable step) {
    }

    /** One seeding: plans each transfer's life as it is created, and plays every step in time order. */
    private final class Run {
        private final ItemRecord item;
        private final AccountRecord account;
        private final int count;
        private final Instant end;
        private final PriorityQueue<Planned> plan = new PriorityQueue<>(Comparator.comparing(Planned::at).thenComparingLong(Planned::order));
        private long planned;

        Run(ItemRecord item, AccountRecord account, int count) {
            this.item = item;
            this.account = account;
            this.count = count;
            this.end = transfers.now();
        }

        void play() {
            Instant start = end.minus(SPAN);
            for (LocalDate day = BankingCalendar.dayOf(start); !day.isAfter(BankingCalendar.dayOf(end)); day = day.plusDays(1)) {
                Instant sweepAt = at(day, SWEEPS_AT);
                plan(sweepAt, () -> movements.sweepAggregate(sweepAt));
            }
            long stepNanos = SPAN.toNanos() / count;
            for (int index = 0; index < count; index++) {
                Instant created = start.plusNanos(stepNanos * index);
                playUntil(created);
                createTransfer(index, created);
            }
            playUntil(end);
        }

        private void playUntil(Instant time) {
            while (!plan.isEmpty() && !plan.peek().at().isAfter(time)) {
                plan.poll().step().run();
            }
        }

        private void plan(Instant at, Runnable step) {
            if (!at.isAfter(end)) {
                plan.add(new Planned(at, planned++, step));
            }
        }

        private void move(Instant at, String subjectId, Status status, Failure failure) {
            plan(at, () -> transfers.record(new Fact.Moved(subjectId, status, at, failure)));
        }

        private void createTransfer(int index, Instant created) {
            long hash = Mix.of(item.dataSeed(), index);
            boolean debit = Mix.unit(hash) < 0.8;
            long shape = Mix.value(hash);
            String network = debit || Mix.below(shape, 10) < 7 ? "ach" : Mix.below(shape, 10) < 9 ? "same-day-ach" : "rtp";
            long amount = 5_00 + Mix.below(Mix.value(shape), 495_00);
            Proposal proposal = new Proposal(item.itemId(), account.accountId(), debit ? "debit" : "credit", network,
                    "rtp".equals(network) ? null : debit ? "web" : "ppd", amount, "USD",
                    new TransferUser(holderName(), null, null, null), transfers.book().defaultLedger().id(), "", null, null);
            String authorizationId = Transfers.newId();
            transfers.record(new Fact.Authorized(authorizationId, created, proposal, Verdict.approved(), null, null));
            Authorization authorization = transfers.book().authorization(authorizationId).orElseThrow();
            Transfer transfer = movements.originate(authorization, amount, debit ? "PAYMENT" : "PAYOUT", null, created, null, null);
            planLife(transfer, created, Mix.unit(Mix.value(shape + 1)));
        }

        private String holderName() {
            JsonNode names = account.owner() == null ? null : account.owner().path("names");
            return names != null && names.size() > 0 ? names.get(0).asText() : "Alberta Charleson";
        }

        /** The transfer's path from {@code draw} in [0, 1): mostly a full life, sometimes a failure, a cancellation or a return. */
        private void planLife(Transfer transfer, Instant created, double draw) {
            String id = transfer.id();
            boolean debit = transfer.terms().isDebit();
            if (draw < 0.05) {
                move(created.plus(Duration.ofMinutes(30)), id, Status.FAILED, Lifecycle.failureFor(Status.FAILED, null, debit));
                return;
            }
            if (draw < 0.09 && transfer.cancellable()) {
                move(created.plus(Duration.ofMinutes(20)), id, Status.CANCELLED, null);
                return;
            }
            Instant posted = created.plus(Duration.ofMinutes(60 + (long) (draw * 120)));
            Instant settled = latest(posted.plus(Duration.ofMinutes(30)), at(Settlement.expected(created, transfer.terms().network()), SETTLES_AT));
            move(posted, id, Status.POSTED, null);
            move(settled, id, Status.SETTLED, null);
            boolean returns = transfer.terms().isAch() && draw > 0.9;
            Failure returned = Failure.achReturn(debit ? RETURN_CODES[(int) (draw * 1000) % RETURN_CODES.length] : Lifecycle.CREDIT_RETURN_CODE);
            if (!transfer.terms().isAchDebit()) {
                if (returns) {
                    move(settled.plus(Duration.ofDays(1)), id, Status.RETURNED, returned);
                }
                return;
            }
            if (returns && draw < 0.95) {
                move(settled.plus(Duration.ofDays(1)), id, Status.RETURNED, returned);
                return;
            }
            Instant available = at(Settlement.fundsAvailableDate(BankingCalendar.dayOf(settled)), AVAILABLE_AT);
            move(available, id, Status.FUNDS_AVAILABLE, null);
            if (returns) {
                move(available.plus(Duration.ofDays(2)), id, Status.RETURNED, Failure.achReturn("R10"));
            } else if (draw > 0.75) {
                planRefund(transfer, available.plus(Duration.ofDays(1)));
            }
        }

        /** Half the amount refunded a day after the funds became available, then posted and settled. */
        private void planRefund(Transfer transfer, Instant at) {
            String refundId = Transfers.newId();
            long amount = Math.max(1, transfer.amount() / 2);
            plan(at, () -> transfers.record(new Fact.RefundCreated(refundId, transfer.id(), amount, Transfers.newId(), at)));
            move(at.plus(Duration.ofHours(2)), refundId, Status.POSTED, null);
            move(at(BankingCalendar.plusBankingDays(BankingCalendar.dayOf(at), 1), SETTLES_AT), refundId, Status.SETTLED, null);
        }

        private Instant at(LocalDate day, LocalTime time) {
            return day.atTime(time).atZone(BankingCalendar.EASTERN).toInstant();
        }

        private Instant latest(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }
    }
}
