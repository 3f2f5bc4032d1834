package dev.tartan.model;

/** Where an asset report stands, as Tartan last saw it. */
public enum AssetReportStatus {
    /** Created; Plaid is still generating it (PRODUCT_NOT_READY). */
    WAITING("waiting"),
    /** Generated: /asset_report/get answers with it. */
    READY("ready"),
    /** Generation failed (DATA_UNAVAILABLE, ASSET_REPORT_GENERATION_FAILED, ...). */
    ERROR("error"),
    /** Removed with /asset_report/remove (or Plaid no longer knows the token): it cannot be read again. */
    REMOVED("removed");

    private final String word;

    AssetReportStatus(String word) {
        this.word = word;
    }

    /** "waiting", "ready", "error", "removed". */
    public String word() {
        return word;
    }

    /** The status a word names, or null. */
    public static AssetReportStatus of(String word) {
        for (AssetReportStatus status : values()) {
            if (status.word.equals(word)) {
                return status;
            }
        }
        return null;
    }
}
