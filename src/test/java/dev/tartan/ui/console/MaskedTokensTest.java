package dev.tartan.ui.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskedTokensTest {

    private static final String ACCESS = "access-sandbox-3b8f1c2e-5d4a-4e7b-9c1d-0a2b3c4d5e6f";
    private static final String PROCESSOR = "processor-sandbox-0d2c7a1e-1b2c-4d5e-8f90-123456789abc";
    /** Another access token with the same last four characters: the same mask. */
    private static final String LOOKALIKE = "access-sandbox-99999999-9999-4999-8999-000000005e6f";

    private final MaskedTokens tokens = new MaskedTokens();

    @Test
    void tokensAreShownMaskedAndSentWhole() {
        String body = "{\"access_token\": \"" + ACCESS + "\", \"processor_token\": \"" + PROCESSOR + "\", \"count\": 3}";
        String shown = tokens.mask(body);
        assertThat(shown).doesNotContain(ACCESS, PROCESSOR)
                .contains("\"access-sandbox-\u2022\u2022\u2022\u20225e6f\"", "\"processor-sandbox-\u2022\u2022\u2022\u20229abc\"", "\"count\": 3");
        assertThat(tokens.unmask(shown)).isEqualTo(body);
        assertThat(tokens.unknownMasks(shown)).isEmpty();
    }

    @Test
    void aMaskAlwaysStandsForOneTokenSoALookalikeStaysWhole() {
        tokens.mask(ACCESS);
        String shown = tokens.mask("[\"" + ACCESS + "\", \"" + LOOKALIKE + "\"]");
        assertThat(shown).isEqualTo("[\"access-sandbox-\u2022\u2022\u2022\u20225e6f\", \"" + LOOKALIKE + "\"]");
        assertThat(tokens.unmask(shown)).isEqualTo("[\"" + ACCESS + "\", \"" + LOOKALIKE + "\"]");
    }

    @Test
    void aMaskItDidNotMakeIsLeftAloneAndReported() {
        tokens.mask(ACCESS);
        String edited = "{\"access_token\": \"access-sandbox-\u2022\u2022\u2022\u20225e6e\"}";
        assertThat(tokens.unmask(edited)).isEqualTo(edited);
        assertThat(tokens.unknownMasks(edited)).containsExactly("access-sandbox-\u2022\u2022\u2022\u20225e6e");
    }

    @Test
    void textWithoutTokensIsUnchanged() {
        String body = "{\"count\": 10, \"offset\": 0, \"country_codes\": [\"US\"]}";
        assertThat(tokens.mask(body)).isEqualTo(body);
        assertThat(tokens.unmask(body)).isEqualTo(body);
    }

    @Test
    void aForgottenMaskIsNoLongerFilledIn() {
        String shown = tokens.mask("[\"" + ACCESS + "\", \"" + PROCESSOR + "\"]");
        tokens.forget(java.util.List.of("access-sandbox-\u2022\u2022\u2022\u20225e6f"));
        assertThat(tokens.unknownMasks(shown)).containsExactly("access-sandbox-\u2022\u2022\u2022\u20225e6f");
        assertThat(tokens.unmask(shown)).contains(PROCESSOR).doesNotContain(ACCESS);
        tokens.forgetAll();
        assertThat(tokens.unknownMasks(shown)).hasSize(2);
    }
}
