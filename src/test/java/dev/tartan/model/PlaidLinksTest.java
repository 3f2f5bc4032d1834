package dev.tartan.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlaidLinksTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://plaid.com/docs/errors/item/#item_login_required", "https://plaid.com/docs/api/items/#itemget",
            "HTTPS://PLAID.COM/docs/", "https://plaid.com:443/docs/errors/"})
    void plaidsOwnPagesOpen(String link) {
        assertThat(PlaidLinks.isPlaidPage(link)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "\\\\attacker\\share\\docs.html", "file://attacker/share/x", "http://plaid.com/docs/",
            "https://plaid.com.attacker.example/docs/", "https://plaid.com@attacker.example/docs/", "https://attacker.example/#https://plaid.com/",
            "https://plaid.com:8443/docs/", "javascript:alert(1)", "https://plaid.com/docs/none/", "none", "", "https://docs.plaid.com/"})
    void anythingElseDoesNot(String link) {
        assertThat(PlaidLinks.isPlaidPage(link)).isFalse();
    }
}
