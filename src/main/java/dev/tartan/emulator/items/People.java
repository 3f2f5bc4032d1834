package dev.tartan.emulator.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.support.Mix;

import java.util.List;
import java.util.Locale;

/** Fictional account holders, generated from a seed, in the shape of Plaid's Owner object. */
final class People {
    private static final List<String> FIRST_NAMES = List.of("Alberta", "Morgan", "Priya", "Jonas", "Imani", "Lucia",
            "Theo", "Hana", "Rafael", "Niamh", "Dmitri", "Amara", "Casey", "Wen", "Oskar", "Farah");
    private static final List<String> LAST_NAMES = List.of("Charleson", "MacLeod", "Okafor", "Lindqvist", "Haddad",
            "Moreau", "Tanaka", "Brennan", "Castillo", "Novak", "Fraser", "Achterberg", "Quinn", "Delacroix");
    private static final List<String> STREETS = List.of("Tartan Lane", "Weaver Street", "Loom Avenue", "Spindle Road",
            "Bobbin Court", "Shuttle Way", "Heddle Drive", "Warp Street", "Selvage Place");
    private static final List<Place> PLACES = List.of(new Place("Malakoff", "NY", "14236"),
            new Place("San Matias", "CA", "93405"), new Place("Austin", "TX", "78701"), new Place("Portland", "OR", "97205"),
            new Place("Columbus", "OH", "43215"), new Place("Raleigh", "NC", "27601"), new Place("Boise", "ID", "83702"));

    private record Place(String city, String region, String postalCode) {
    }

    private People() {
    }

    /** A holder drawn from {@code seed}, living in {@code country}. */
    static ObjectNode owner(long seed, String country) {
        String first = pick(FIRST_NAMES, seed, 1);
        String last = pick(LAST_NAMES, seed, 2);
        ObjectNode owner = Json.object();
        owner.putArray("names").add(first + " " + last);
        ArrayNode phones = owner.putArray("phone_numbers");
        phones.add(phone(digits(seed, 3, 10), true, "home"));
        phones.add(phone(digits(seed, 4, 10), false, "mobile"));
        ArrayNode emails = owner.putArray("emails");
        emails.add(email(first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + "@example.com", true, "primary"));
        emails.add(email("accountholder" + Mix.below(Mix.of(seed, 5), 100) + "@example.org", false, "secondary"));
        Place place = pick(PLACES, seed, 6);
        ObjectNode address = Json.object();
        ObjectNode data = address.putObject("data");
        data.put("city", place.city());
        data.put("region", place.region());
        data.put("street", (100 + Mix.below(Mix.of(seed, 7), 9800)) + " " + pick(STREETS, seed, 8));
        data.put("postal_code", place.postalCode());
        data.put("country", country);
        address.put("primary", true);
        owner.putArray("addresses").add(address);
        return owner;
    }

    /**
     * An owner from a user_custom {@code identity} setting: its names, phone numbers, emails and
     * addresses replace the generated ones where given.
     */
    static ObjectNode owner(long seed, String country, JsonNode custom) {
        ObjectNode owner = owner(seed, country);
        for (String field : List.of("names", "phone_numbers", "emails", "addresses")) {
            JsonNode value = custom.get(field);
            if (value != null && value.isArray() && !value.isEmpty()) {
                owner.set(field, value.deepCopy());
            }
        }
        return owner;
    }

    private static ObjectNode phone(String number, boolean primary, String type) {
        ObjectNode phone = Json.object();
        phone.put("data", number);
        phone.put("primary", primary);
        phone.put("type", type);
        return phone;
    }

    private static ObjectNode email(String address, boolean primary, String type) {
        ObjectNode email = Json.object();
        email.put("data", address);
        email.put("primary", primary);
        email.put("type", type);
        return email;
    }

    static <T> T pick(List<T> values, long seed, long salt) {
        return values.get(Mix.below(Mix.of(seed, salt), values.size()));
    }

    /** {@code count} digits drawn from the seed, never starting with 0. */
    static String digits(long seed, long salt, int count) {
        StringBuilder out = new StringBuilder(count);
        long state = Mix.of(seed, salt);
        for (int i = 0; i < count; i++) {
            state = Mix.value(state + i);
            int digit = Mix.below(state, 10);
            out.append(i == 0 && digit == 0 ? 1 : digit);
        }
        return out.toString();
    }
}
