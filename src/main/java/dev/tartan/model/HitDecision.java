package dev.tartan.model;

/** What a reviewer decided about one pending hit, before the review is sent. */
public enum HitDecision {
    /** The entry is the customer. */
    CONFIRM,
    /** The entry is someone else. */
    DISMISS
}
