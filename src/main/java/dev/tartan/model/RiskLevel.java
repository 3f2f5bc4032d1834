package dev.tartan.model;

/** A risk tier, coarsely: how worried to be. */
public enum RiskLevel {
    LOW, MODERATE, ELEVATED, HIGH, UNKNOWN
}
