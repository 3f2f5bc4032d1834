package dev.tartan.model;

/** Something Tartan can offer to do about an error, as a button beside it. */
public enum FixAction {
    /** Create a Link token in update mode so the user can log in again. */
    CREATE_UPDATE_MODE_LINK_TOKEN,
    /** Restart a transactions sync from the cursor it had before the failed update. */
    RESTART_SYNC,
    /** Try the same call again (later). */
    RETRY,
    /** Open the profile editor: the credentials or the base URL are wrong. */
    EDIT_PROFILE,
    /** None: the text says what to do. */
    NONE
}
