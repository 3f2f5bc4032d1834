package dev.tartan.ui.common;

import dev.tartan.model.TextQuery;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRowTest {

    private static final TokenEntry ENTRY = TokenEntry.of(TokenKind.PROCESSOR, "processor-sandbox-1234abcd-0000", "Emulator", "AccountXYZ")
            .withLabel("Dwolla payouts").withInstitution("ins_109508");

    private static boolean matches(TokenRow row, String typed) {
        return row.matches(TextQuery.of(typed));
    }

    @Test
    void theFilterMatchesEveryWordOfTheLabelIdsAndInstitutionOrAWholeToken() {
        TokenRow row = new TokenRow(ENTRY);
        assertThat(matches(row, "")).isTrue();
        assertThat(matches(row, "dwolla ins_109508")).isTrue();
        assertThat(matches(row, "accountxyz")).isTrue();
        assertThat(matches(row, " processor-sandbox-1234abcd-0000 ")).isTrue();
        assertThat(matches(row, "dwolla moov")).isFalse();
        assertThat(matches(row, "platypus")).as("before the institution's name is known").isFalse();
        row.nameInstitution("First Platypus Bank");
        assertThat(matches(row, "platypus")).as("the institution's name").isTrue();
        // The hidden part of a token is not searchable by pieces: only the whole token finds it.
        assertThat(matches(row, "1234abcd")).isFalse();
    }

    @Test
    void aMissingFieldMatchesNothingNotTheTextNull() {
        TokenRow unlabelled = new TokenRow(TokenEntry.of(TokenKind.ACCESS, "access-sandbox-5678efgh-0000", "Emulator", null));
        assertThat(matches(unlabelled, "null")).isFalse();
        assertThat(matches(unlabelled, "emulator")).isTrue();
        unlabelled.noteStatus("ITEM_LOGIN_REQUIRED", java.time.Instant.now());
        assertThat(matches(unlabelled, "login_required")).isTrue();
    }

    @Test
    void aRowGoesByItsLabelElseItsInstitutionElseItsMaskedToken() {
        TokenRow unlabelled = new TokenRow(TokenEntry.of(TokenKind.ACCESS, "access-sandbox-5678efgh-0000", "Emulator", null));
        assertThat(unlabelled.displayName()).isEqualTo(unlabelled.entry().maskedValue());
        unlabelled.update(unlabelled.entry().withInstitution("ins_109508"));
        assertThat(unlabelled.displayName()).isEqualTo("ins_109508");
        unlabelled.nameInstitution("First Platypus Bank");
        assertThat(unlabelled.displayName()).isEqualTo("First Platypus Bank");
        assertThat(new TokenRow(ENTRY).displayName()).isEqualTo("Dwolla payouts");
    }
}
