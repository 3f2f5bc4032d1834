package dev.tartan.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0123456789abcdef0123456789abcd\u00a0|at its end",
            "\ufeff0123456789abcdef0123456789abcd|at its start",
            "0123456789abcdef\u200b0123456789abcd|inside it",
            "0123456789abcdef 0123456789abcd|inside it",
            "0123456789abcdéf0123456789abcd|inside it"})
    void aCharacterAHeaderCannotCarryIsNamedByPlaceNeverShown(String secret, String where) {
        assertThat(new Credentials("5f8a1b2c3d4e5f6a7b8c9d0e", secret).problem()).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("The secret has").contains(where).doesNotContain("0123", "abcd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123456789abcdef0123456789abcd", "s3cr3t-with_punctuation.~!"})
    void plainAsciiIsFine(String secret) {
        assertThat(new Credentials("5f8a1b2c3d4e5f6a7b8c9d0e", secret).problem()).isEmpty();
    }
}
