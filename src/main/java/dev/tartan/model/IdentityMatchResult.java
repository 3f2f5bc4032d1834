package dev.tartan.model;

import java.time.Instant;
import java.util.List;

/** Identity match scores, explained, and when they came. */
public record IdentityMatchResult(List<FieldMatch> fields, Instant at, String requestId) {
}
