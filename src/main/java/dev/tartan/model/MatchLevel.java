package dev.tartan.model;

/** An identity match score as a verdict. */
public enum MatchLevel {
    PERFECT, STRONG, PARTIAL, MISMATCH, NOT_COMPARED
}
