package dev.tartan.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Watchlist pane's pure pieces: a hit beside the terms, a review's outcome, the queue's filters, the terms' checks. */
class WatchlistModelTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private static ScreeningHit hit(String id, HitReviewStatus status, List<HitValue> values, Map<HitField, MatchSummary> analysis) {
        return new ScreeningHit(ScreeningKind.INDIVIDUAL, id, status, "US_SDN", "uid_1", "SDN-1", Instant.EPOCH, null, null, 1,
                analysis, values);
    }

    private static HitValue name(String text, boolean primary) {
        return new HitValue(HitField.NAMES, text, MatchSummary.MATCH, primary, false, null);
    }

    @Test
    void aHitIsLaidBesideTheTermsFieldByFieldWithEachNamePartFound() {
        ScreeningTerms terms = ScreeningTerms.individual("prg_1", "Joseph Koni Smith", LocalDate.of(1964, 9, 18), null, "CF");
        ScreeningHit hit = hit("scrhit_1", HitReviewStatus.PENDING_REVIEW,
                List.of(name("Joseph Kony", true), name("Josef Kony", false),
                        new HitValue(HitField.DATES_OF_BIRTH, "1964-09-18", MatchSummary.MATCH, false, false, null)),
                Map.of(HitField.NAMES, MatchSummary.PARTIAL_MATCH, HitField.DATES_OF_BIRTH, MatchSummary.MATCH,
                        HitField.LOCATIONS, MatchSummary.NO_DATA));

        List<HitComparison.Row> rows = HitComparison.of(terms, hit);
        assertThat(rows).extracting(HitComparison.Row::field)
                .containsExactly(HitField.NAMES, HitField.DATES_OF_BIRTH, HitField.LOCATIONS, HitField.DOCUMENTS);
        HitComparison.Row names = rows.get(0);
        assertThat(names.nameParts()).extracting(HitComparison.NamePart::word, HitComparison.NamePart::match).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Joseph", HitComparison.PartMatch.SAME),
                org.assertj.core.groups.Tuple.tuple("Koni", HitComparison.PartMatch.CLOSE),
                org.assertj.core.groups.Tuple.tuple("Smith", HitComparison.PartMatch.MISSING));
        assertThat(names.verdict()).isEqualTo("Partly matches: 1 of 3 name parts the same, 1 spelt a little differently");
        assertThat(rows.get(1).searched()).isEqualTo("1964-09-18");
        assertThat(rows.get(1).verdict()).isEqualTo("Matches");
        assertThat(rows.get(2).verdict()).isEqualTo("The list has nothing to compare");
        // Not searched and not said: no document was given.
        assertThat(rows.get(3).searched()).isNull();
        assertThat(rows.get(3).summary()).isEqualTo(MatchSummary.NO_INPUT);
        assertThat(hit.primaryName()).isEqualTo("Joseph Kony");
        assertThat(hit.aliases()).extracting(HitValue::text).containsExactly("Josef Kony");
        assertThat(HitComparison.oneLine(ScreeningKind.INDIVIDUAL, hit))
                .isEqualTo("Name partly matches \u00b7 Date of birth matches \u00b7 Country not on the list");
    }

    @Test
    void accentsAndCaseDoNotCountInNameParts() {
        List<HitComparison.NamePart> parts = HitComparison.nameParts("JOSÉ  müller", List.of(name("Jose Muller", true)));
        assertThat(parts).extracting(HitComparison.NamePart::match).containsOnly(HitComparison.PartMatch.SAME);
    }

    @Test
    void aReviewPlanFollowsPlaidsStatusRule() {
        ScreeningHit a = hit("a", HitReviewStatus.PENDING_REVIEW, List.of(), Map.of());
        ScreeningHit b = hit("b", HitReviewStatus.PENDING_REVIEW, List.of(), Map.of());
        ScreeningHit old = hit("c", HitReviewStatus.DISMISSED, List.of(), Map.of());
        assertThat(ReviewPlan.of(List.of(a, b, old), Map.of("a", HitDecision.CONFIRM)).outcome()).isEqualTo(ScreeningStatus.REJECTED);
        ReviewPlan partly = ReviewPlan.of(List.of(a, b, old), Map.of("a", HitDecision.DISMISS));
        assertThat(partly.outcome()).isEqualTo(ScreeningStatus.PENDING_REVIEW);
        assertThat(partly.stillPending()).isEqualTo(1);
        assertThat(partly.describe()).isEqualTo("This review dismisses 1 hit; 1 hit stays pending. The screening stays Pending review.");
        ReviewPlan all = ReviewPlan.of(List.of(a, b, old), Map.of("a", HitDecision.DISMISS, "b", HitDecision.DISMISS,
                "c", HitDecision.CONFIRM));
        // A decision on a hit reviewed before is not sent.
        assertThat(all.confirmed()).isEmpty();
        assertThat(all.dismissed()).containsExactly("a", "b");
        assertThat(all.outcome()).isEqualTo(ScreeningStatus.CLEARED);
        ScreeningHit confirmedBefore = hit("d", HitReviewStatus.CONFIRMED, List.of(), Map.of());
        assertThat(ReviewPlan.of(List.of(a, confirmedBefore), Map.of("a", HitDecision.DISMISS)).outcome())
                .isEqualTo(ScreeningStatus.REJECTED);
        assertThat(ReviewPlan.of(List.of(a), Map.of()).decidesAnything()).isFalse();
    }

    private static Screening screening(String id, String name, String program, String assignee, ScreeningStatus status, String client) {
        return new Screening(ScreeningKind.INDIVIDUAL, id, ScreeningTerms.individual(program, name, null, null, null), assignee, status,
                client, Instant.EPOCH, null, "api");
    }

    @Test
    void theQueuesFiltersCombine() {
        Screening mine = screening("scr_1", "Joseph Kony", "prg_a", "me", ScreeningStatus.PENDING_REVIEW, "cust-1");
        Screening nobodys = screening("scr_2", "Leslie Knope", "prg_a", null, ScreeningStatus.CLEARED, "cust-2");
        Screening theirs = screening("scr_3", "Joseph Smith", "prg_b", "them", ScreeningStatus.PENDING_REVIEW, null);
        ScreeningQuery pendingMine = new ScreeningQuery(ScreeningStatus.PENDING_REVIEW, null, AssigneeFilter.ME, "me", TextQuery.of(""));
        assertThat(List.of(mine, nobodys, theirs)).filteredOn(pendingMine::matches).containsExactly(mine);
        ScreeningQuery joseph = new ScreeningQuery(null, null, AssigneeFilter.ANYONE, null, TextQuery.of("joseph"));
        assertThat(List.of(mine, nobodys, theirs)).filteredOn(joseph::matches).containsExactly(mine, theirs);
        ScreeningQuery byClient = new ScreeningQuery(null, "prg_a", AssigneeFilter.UNASSIGNED, null, TextQuery.of("cust-2"));
        assertThat(List.of(mine, nobodys, theirs)).filteredOn(byClient::matches).containsExactly(nobodys);
        // "Me" before the reviewer has said who they are shows nothing rather than everything.
        ScreeningQuery meUnknown = new ScreeningQuery(null, null, AssigneeFilter.ME, null, TextQuery.of(""));
        assertThat(List.of(mine, nobodys, theirs)).filteredOn(meUnknown::matches).isEmpty();
        assertThat(pendingMine.matchesAllButStatus(nobodys)).isFalse();
    }

    @Test
    void searchTermsAreCheckedAsPlaidChecksThem() {
        ScreeningKind person = ScreeningKind.INDIVIDUAL;
        assertThat(ScreeningTermsCheck.problem(person, "prg_1", "Joseph Kony", "1964-09-18", "E09598913", "CF", null, null, null, TODAY))
                .isEmpty();
        assertThat(ScreeningTermsCheck.problem(person, null, "Joseph Kony", null, null, null, null, null, null, TODAY)).contains("program");
        assertThat(ScreeningTermsCheck.problem(person, "prg_1", "  ", null, null, null, null, null, null, TODAY)).contains("legal name");
        assertThat(ScreeningTermsCheck.problem(person, "prg_1", "1234", null, null, null, null, null, null, TODAY)).contains("letter");
        assertThat(ScreeningTermsCheck.problem(person, "prg_1", "Kony", "18/09/1964", null, null, null, null, null, TODAY))
                .contains("year-month-day");
        assertThat(ScreeningTermsCheck.problem(person, "prg_1", "Kony", "2026-03-02", null, null, null, null, null, TODAY))
                .contains("future");
        assertThat(ScreeningTermsCheck.problem(person, "prg_1", "Kony", null, "E1", null, null, null, null, TODAY)).contains("4 to 32");
        assertThat(ScreeningTermsCheck.problem(person, "prg_1", "Kony", null, null, "XX", null, null, null, TODAY)).contains("ISO");
        assertThat(ScreeningTermsCheck.problem(person, "prg_1", "Kony", null, null, "cf", null, null, null, TODAY)).contains("capitals");
        ScreeningKind entity = ScreeningKind.ENTITY;
        assertThat(ScreeningTermsCheck.problem(entity, "entprg_1", "Acme", "not a date", null, "US", "a@b.co", "+14155550123",
                "https://acme.example", TODAY)).isEmpty(); // an entity has no date of birth
        assertThat(ScreeningTermsCheck.problem(entity, "entprg_1", "Acme", null, null, null, "nobody", null, null, TODAY)).contains("email");
        assertThat(ScreeningTermsCheck.problem(entity, "entprg_1", "Acme", null, null, null, null, "415 555 0123", null, TODAY))
                .contains("E.164");
        assertThat(ScreeningTermsCheck.problem(entity, "entprg_1", "Acme", null, null, null, null, null, "ftp://acme", TODAY))
                .contains("http");
    }

    @Test
    void screeningIdsAreRecognisedInBothShapes() {
        assertThat(IdRecognizer.recognize("scr_52xR9LKo77r1Np")).isEqualTo(IdKind.INDIVIDUAL_SCREENING_ID);
        assertThat(IdRecognizer.recognize("scrn_52xR9LKo77r1Np")).isEqualTo(IdKind.INDIVIDUAL_SCREENING_ID);
        assertThat(IdRecognizer.recognize("entscr_52xR9LKo77r1Np")).isEqualTo(IdKind.ENTITY_SCREENING_ID);
        assertThat(IdRecognizer.recognize("entscrn_52xR9LKo77r1Np")).isEqualTo(IdKind.ENTITY_SCREENING_ID);
        assertThat(ScreeningKind.ofId("entscrn_52xR9LKo77r1Np")).isEqualTo(ScreeningKind.ENTITY);
        assertThat(ScreeningKind.ofId("scr_52xR9LKo77r1Np")).isEqualTo(ScreeningKind.INDIVIDUAL);
        assertThat(ScreeningKind.ofId("idv_52xR9LKo77r1Np")).isNull();
    }
}
