package dev.tartan.emulator.items;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.emulator.support.Ids;
import dev.tartan.emulator.support.Mix;
import dev.tartan.emulator.wire.PlaidErrors;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds new Items and their accounts for a Sandbox login at an institution. */
final class ItemFactory {
    static final List<String> ACCOUNT_TYPES = List.of("depository", "credit", "loan", "investment", "payroll", "other");

    /** One account of the standard test user. */
    private record Standard(String name, String officialName, String type, String subtype, String mask,
                            Double current, Double available, Double limit) {
    }

    private static final List<Standard> STANDARD_US = List.of(
            new Standard("Plaid Checking", "Plaid Gold Standard 0% Interest Checking", "depository", "checking", "0000", 110.0, 100.0, null),
            new Standard("Plaid Saving", "Plaid Silver Standard 0.1% Interest Saving", "depository", "savings", "1111", 210.0, 200.0, null),
            new Standard("Plaid CD", "Plaid Bronze Standard 0.2% Interest CD", "depository", "cd", "2222", 1000.0, null, null),
            new Standard("Plaid Credit Card", "Plaid Diamond 12.5% APR Interest Credit Card", "credit", "credit card", "3333", 410.0, null, 2000.0),
            new Standard("Plaid Money Market", "Plaid Platinum Standard 1.85% Interest Money Market", "depository", "money market", "4444", 43200.0, 43200.0, null),
            new Standard("Plaid IRA", null, "investment", "ira", "5555", 320.76, null, null),
            new Standard("Plaid 401k", null, "investment", "401k", "6666", 23631.9805, null, null),
            new Standard("Plaid Student Loan", null, "loan", "student", "7777", 65262.0, null, null),
            new Standard("Plaid Mortgage", null, "loan", "mortgage", "8888", 56302.06, null, null));
    private static final List<Standard> STANDARD_CA = List.of(
            new Standard("Chequing", "Everyday Chequing", "depository", "checking", "0000", 540.0, 520.0, null),
            new Standard("Savings", "High Interest Savings", "depository", "savings", "1111", 3120.0, 3120.0, null),
            new Standard("Visa", "Cashback Visa", "credit", "credit card", "3333", 612.5, null, 5000.0),
            new Standard("RRSP", null, "investment", "rrsp", "5555", 18450.0, null, null),
            new Standard("Mortgage", null, "loan", "mortgage", "8888", 212000.0, null, null));
    private static final List<Standard> STANDARD_EU = List.of(
            new Standard("Current Account", "Everyday Current Account", "depository", "checking", "0000", 850.0, 820.0, null),
            new Standard("Savings Account", "Instant Access Savings", "depository", "savings", "1111", 4200.0, 4200.0, null),
            new Standard("Credit Card", "Rewards Credit Card", "credit", "credit card", "3333", 300.0, null, 3000.0));

    private final Set<String> knownSubtypes;

    ItemFactory(Set<String> knownSubtypes) {
        this.knownSubtypes = knownSubtypes;
    }

    /** A new Item (with fresh ids) for {@code login} at {@code institution}. */
    ItemRecord create(Institution institution, List<String> products, SandboxLogin login, String webhook,
                      int transactionDays, long dataSeed, Instant now) {
        ItemRecord item = new ItemRecord();
        item.itemId = Ids.objectId();
        item.institutionId = institution.id();
        item.billedProducts = new ArrayList<>(products);
        item.webhook = webhook;
        item.createdAt = now;
        item.anchorDate = LocalDate.ofInstant(now, ZoneOffset.UTC);
        item.username = login.username();
        item.customConfig = login.customConfig();
        item.generatedTransactions = login.generatedTransactions();
        item.transactionDays = transactionDays;
        item.dataSeed = login.customConfig() != null && login.customConfig().hasNonNull("seed")
                ? Mix.of(login.customConfig().get("seed").asText()) : dataSeed;
        item.authMethod = login.microdeposits() ? "AUTOMATED_MICRODEPOSITS" : "INSTANT_AUTH";
        String country = institution.countryCodes().get(0);
        if (login.microdeposits()) {
            AccountRecord checking = standard(STANDARD_US.get(0), institution, item.dataSeed, 0, country);
            checking.verificationStatus = "pending_automatic_verification";
            checking.available = null;
            checking.current = null;
            item.accounts.add(checking);
        } else if (login.customConfig() != null) {
            JsonNode overrides = login.customConfig().path("override_accounts");
            if (overrides.isArray() && !overrides.isEmpty()) {
                for (int i = 0; i < overrides.size(); i++) {
                    item.accounts.add(custom(overrides.get(i), institution, item.dataSeed, i, country));
                }
            } else {
                item.accounts.add(generated("depository", "checking", institution, item.dataSeed, 0, country));
                item.accounts.add(generated("depository", "savings", institution, item.dataSeed, 1, country));
            }
        } else {
            List<Standard> standard = switch (institution.style()) {
                case US -> STANDARD_US;
                case CA -> STANDARD_CA;
                case EU -> STANDARD_EU;
            };
            for (int i = 0; i < standard.size(); i++) {
                item.accounts.add(standard(standard.get(i), institution, item.dataSeed, i, country));
            }
        }
        return item;
    }

    private AccountRecord standard(Standard spec, Institution institution, long seed, int index, String country) {
        AccountRecord account = base(institution, seed, index, country, spec.type(), spec.subtype());
        account.name = spec.name();
        account.officialName = spec.officialName();
        account.current = spec.current();
        account.available = spec.available();
        account.limit = spec.limit();
        number(account, institution, seed, index, spec.mask());
        return account;
    }

    private AccountRecord generated(String type, String subtype, Institution institution, long seed, int index, String country) {
        AccountRecord account = base(institution, seed, index, country, type, subtype);
        account.name = capitalize(subtype);
        account.officialName = institution.name() + " " + capitalize(subtype);
        account.current = balance(seed, index, type.equals("depository") ? 20_000 : 5_000);
        account.available = type.equals("depository") ? account.current : null;
        number(account, institution, seed, index, null);
        return account;
    }

    private AccountRecord custom(JsonNode config, Institution institution, long seed, int index, String country) {
        String requestedType = config.path("type").asText("depository");
        String type = requestedType.equals("payroll") ? "other" : requestedType;
        String subtype = config.path("subtype").asText(defaultSubtype(requestedType));
        if (!knownSubtypes.contains(subtype)) {
            throw PlaidErrors.invalidField("user_custom account subtype '" + subtype + "' is not a Plaid account subtype");
        }
        AccountRecord account = base(institution, seed, index, country, type, subtype);
        account.custom = config;
        JsonNode meta = config.path("meta");
        account.name = meta.path("name").asText(capitalize(subtype));
        account.officialName = meta.hasNonNull("official_name") ? meta.get("official_name").asText() : null;
        if (meta.hasNonNull("limit")) {
            account.limit = meta.get("limit").asDouble();
        } else if (type.equals("credit")) {
            account.limit = 5_000.0;
        }
        account.current = config.hasNonNull("starting_balance") ? config.get("starting_balance").asDouble()
                : balance(seed, index, 10_000);
        if (config.path("has_null_available_balance").asBoolean(false)) {
            account.available = null;
        } else if (config.hasNonNull("force_available_balance")) {
            account.available = config.get("force_available_balance").asDouble();
        } else if (type.equals("depository")) {
            account.available = account.current;
        } else if (type.equals("credit") && account.limit != null) {
            account.available = Math.round((account.limit - account.current) * 100) / 100.0;
        }
        if (config.hasNonNull("currency")) {
            account.currency = config.get("currency").asText();
        }
        number(account, institution, seed, index, meta.hasNonNull("mask") ? meta.get("mask").asText() : null);
        JsonNode numbers = config.path("numbers");
        account.accountNumber = text(numbers, "account", account.accountNumber);
        account.routingNumber = text(numbers, "ach_routing", account.routingNumber);
        account.wireRoutingNumber = text(numbers, "ach_wire_routing", account.wireRoutingNumber);
        account.eftInstitution = text(numbers, "eft_institution", account.eftInstitution);
        account.eftBranch = text(numbers, "eft_branch", account.eftBranch);
        account.iban = text(numbers, "international_iban", account.iban);
        account.bic = text(numbers, "international_bic", account.bic);
        account.sortCode = text(numbers, "bacs_sort_code", account.sortCode);
        if (numbers.hasNonNull("account") && !meta.hasNonNull("mask")) {
            String number = numbers.get("account").asText();
            account.mask = number.length() <= 4 ? number : number.substring(number.length() - 4);
        }
        if (config.path("identity").isObject()) {
            account.owner = People.owner(seed, country, config.get("identity"));
        }
        return account;
    }

    private static AccountRecord base(Institution institution, long seed, int index, String country, String type, String subtype) {
        AccountRecord account = new AccountRecord();
        account.accountId = Ids.objectId();
        account.type = type;
        account.subtype = subtype;
        account.currency = switch (country) {
            case "US" -> "USD";
            case "CA" -> "CAD";
            case "GB" -> "GBP";
            default -> "EUR";
        };
        account.owner = People.owner(seed, country);
        return account;
    }

    /** Account numbers in the institution's national style; the mask is the number's last four digits. */
    private static void number(AccountRecord account, Institution institution, long seed, int index, String mask) {
        String last4 = mask != null ? mask : People.digits(seed, 100 + index, 4);
        switch (institution.style()) {
            case US -> {
                account.accountNumber = "11112222" + People.digits(seed, 200 + index, 4) + last4;
                account.routingNumber = institution.routingNumbers().isEmpty() ? "011401533" : institution.routingNumbers().get(0);
                account.wireRoutingNumber = account.routingNumber;
            }
            case CA -> {
                account.accountNumber = People.digits(seed, 200 + index, 3) + last4;
                account.eftInstitution = "0" + People.digits(seed, 300, 2);
                account.eftBranch = People.digits(seed, 301, 5);
            }
            case EU -> {
                account.accountNumber = People.digits(seed, 200 + index, 4) + last4;
                account.sortCode = People.digits(seed, 302, 6);
                account.iban = "GB" + People.digits(seed, 303 + index, 2) + "PLAI" + account.sortCode + account.accountNumber;
                account.bic = "PLAIGB2L";
            }
        }
        account.mask = last4;
    }

    private static double balance(long seed, int index, int scale) {
        return Math.round(Mix.unit(Mix.of(seed, 400 + index)) * scale * 100) / 100.0;
    }

    private static String defaultSubtype(String type) {
        return switch (type) {
            case "credit" -> "credit card";
            case "loan" -> "student";
            case "investment" -> "brokerage";
            case "payroll" -> "payroll";
            case "other" -> "other";
            default -> "checking";
        };
    }

    private static String text(JsonNode node, String field, String fallback) {
        return node.hasNonNull(field) ? node.get(field).asText() : fallback;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
