package dev.tartan.emulator.watchlist;

/**
 * The two kinds of screening Monitor keeps apart: individuals and entities. Each has its own paths, id
 * prefixes, field names, programs, lists and webhook.
 */
enum Kind {
    INDIVIDUAL("individual", "scr_", "scrhit_", "rev_", "prg_", "watchlist_screening_id", "watchlist_program_id",
            "watchlist_screenings", "watchlist_screening_hits", "watchlist_screening_reviews", "watchlist_programs",
            "ScreeningStatusUpdatedWebhook", "SCREENING", "screening_id", "individual watchlist program"),
    ENTITY("entity", "entscr_", "enthit_", "entrev_", "entprg_", "entity_watchlist_screening_id", "entity_watchlist_program_id",
            "entity_watchlist_screenings", "entity_watchlist_screening_hits", "entity_watchlist_screening_reviews",
            "entity_watchlist_programs", "EntityScreeningStatusUpdatedWebhook", "ENTITY_SCREENING", "entity_screening_id",
            "entity watchlist program");

    /** The length of the random part of every id ({@code scr_52xR9LKo77r1Np}). */
    static final int ID_LENGTH = 14;

    final String word;
    final String screeningPrefix;
    final String hitPrefix;
    final String reviewPrefix;
    final String programPrefix;
    final String screeningIdField;
    final String programIdField;
    final String screeningsField;
    final String hitsField;
    final String reviewsField;
    final String programsField;
    final String webhookSchema;
    final String webhookType;
    final String webhookIdField;
    final String programNoun;

    Kind(String word, String screeningPrefix, String hitPrefix, String reviewPrefix, String programPrefix, String screeningIdField,
         String programIdField, String screeningsField, String hitsField, String reviewsField, String programsField,
         String webhookSchema, String webhookType, String webhookIdField, String programNoun) {
        this.word = word;
        this.screeningPrefix = screeningPrefix;
        this.hitPrefix = hitPrefix;
        this.reviewPrefix = reviewPrefix;
        this.programPrefix = programPrefix;
        this.screeningIdField = screeningIdField;
        this.programIdField = programIdField;
        this.screeningsField = screeningsField;
        this.hitsField = hitsField;
        this.reviewsField = reviewsField;
        this.programsField = programsField;
        this.webhookSchema = webhookSchema;
        this.webhookType = webhookType;
        this.webhookIdField = webhookIdField;
        this.programNoun = programNoun;
    }

    /** The path of one of this kind's operations: {@code /watchlist_screening/individual/<operation>}. */
    String path(String operation) {
        return "/watchlist_screening/" + word + "/" + operation;
    }

    /** The kind whose screening ids start as {@code id} does, or null. */
    static Kind ofScreeningId(String id) {
        if (id.startsWith(ENTITY.screeningPrefix)) {
            return ENTITY;
        }
        return id.startsWith(INDIVIDUAL.screeningPrefix) ? INDIVIDUAL : null;
    }
}
