package dev.tartan.model;

/**
 * The two kinds of Monitor screening, a person or an organisation: their operations' paths and the
 * field names that differ between them, and the id prefixes Plaid gives them.
 */
public enum ScreeningKind {
    INDIVIDUAL("individual", "Individual", "scr_", "watchlist_screening_id", "watchlist_program_id", "watchlist_screenings",
            "watchlist_screening_hits", "watchlist_screening_reviews", "watchlist_programs", "SCREENING"),
    ENTITY("entity", "Entity", "entscr_", "entity_watchlist_screening_id", "entity_watchlist_program_id",
            "entity_watchlist_screenings", "entity_watchlist_screening_hits", "entity_watchlist_screening_reviews",
            "entity_watchlist_programs", "ENTITY_SCREENING");

    private final String word;
    private final String displayName;
    private final String idPrefix;
    private final String idField;
    private final String programField;
    private final String screeningsField;
    private final String hitsField;
    private final String reviewsField;
    private final String programsField;
    private final String webhookType;

    ScreeningKind(String word, String displayName, String idPrefix, String idField, String programField, String screeningsField,
                  String hitsField, String reviewsField, String programsField, String webhookType) {
        this.word = word;
        this.displayName = displayName;
        this.idPrefix = idPrefix;
        this.idField = idField;
        this.programField = programField;
        this.screeningsField = screeningsField;
        this.hitsField = hitsField;
        this.reviewsField = reviewsField;
        this.programsField = programsField;
        this.webhookType = webhookType;
    }

    /** {@code /watchlist_screening/individual/<operation>}. */
    public String path(String operation) {
        return "/watchlist_screening/" + word + "/" + operation;
    }

    /** "Individual" or "Entity". */
    public String displayName() {
        return displayName;
    }

    /** "individual" or "entity", as in the paths. */
    public String word() {
        return word;
    }

    /** The field naming a screening in requests: watchlist_screening_id or entity_watchlist_screening_id. */
    public String idField() {
        return idField;
    }

    /** The field naming a program: watchlist_program_id or entity_watchlist_program_id. */
    public String programField() {
        return programField;
    }

    /** The array of screenings in list and history replies. */
    public String screeningsField() {
        return screeningsField;
    }

    public String hitsField() {
        return hitsField;
    }

    public String reviewsField() {
        return reviewsField;
    }

    public String programsField() {
        return programsField;
    }

    /** The webhook_type of its STATUS_UPDATED webhook. */
    public String webhookType() {
        return webhookType;
    }

    /** The kind of a screening id by its prefix (scr_, entscr_; also scrn_, entscrn_), or null. */
    public static ScreeningKind ofId(String id) {
        if (id == null) {
            return null;
        }
        String value = id.strip();
        if (value.startsWith("entscr_") || value.startsWith("entscrn_")) {
            return ENTITY;
        }
        if (value.startsWith("scr_") || value.startsWith("scrn_")) {
            return INDIVIDUAL;
        }
        return null;
    }

    /** The kind of a program id by its prefix (prg_, entprg_), or null. */
    public static ScreeningKind ofProgramId(String id) {
        if (id == null) {
            return null;
        }
        return id.startsWith("entprg_") ? ENTITY : id.startsWith("prg_") ? INDIVIDUAL : null;
    }
}
