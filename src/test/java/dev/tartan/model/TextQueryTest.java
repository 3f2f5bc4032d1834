package dev.tartan.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextQueryTest {

    @Test
    void everyWordMustAppearInSomeFieldWhateverItsCase() {
        TextQuery query = TextQuery.of("  Platypus   CHECKING ");
        assertThat(query.matches("First Platypus Bank", "Plaid Checking")).isTrue();
        assertThat(query.matches("First Platypus Bank", "Plaid Saving")).isFalse();
    }

    @Test
    void aWordDoesNotMatchAcrossTwoFields() {
        assertThat(TextQuery.of("bankplaid").matches("First Platypus Bank", "Plaid Checking")).isFalse();
    }

    @Test
    void nothingTypedMatchesEverythingAndMissingFieldsMatchNothing() {
        assertThat(TextQuery.of(" ").isEmpty()).isTrue();
        assertThat(TextQuery.of(null).matches((String) null)).isTrue();
        assertThat(TextQuery.of("null").matches(null, "Item")).isFalse();
    }

    @Test
    void theWholeTextCanBeAValueExactly() {
        assertThat(TextQuery.of(" access-sandbox-1 ").isExactly("access-sandbox-1")).isTrue();
        assertThat(TextQuery.of("access-sandbox").isExactly("access-sandbox-1")).isFalse();
        assertThat(TextQuery.of("").isExactly("")).isFalse();
    }
}
