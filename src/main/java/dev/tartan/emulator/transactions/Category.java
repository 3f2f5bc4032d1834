package dev.tartan.emulator.transactions;

import java.util.List;

/** A legacy Plaid category: id, group (place, digital, special) and hierarchy, as /categories/get lists it. */
record Category(String id, String group, List<String> hierarchy) {
}
