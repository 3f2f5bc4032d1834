package dev.tartan.ui.common;

import dev.tartan.model.FailureReport;
import dev.tartan.model.FixAction;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A documentation_url is a link only when it is one of Plaid's pages; anything else is text, never opened. */
class FailureViewTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static FailureReport reportLinking(String documentationUrl) {
        return new FailureReport("ITEM_LOGIN_REQUIRED", "POST /accounts/get", "ITEM_ERROR", "ITEM_LOGIN_REQUIRED",
                "the login details of this item have changed", null, "req-1", 400, documentationUrl, null, "Log in again.",
                FixAction.NONE);
    }

    private static FailureView shown(FailureReport report, List<String> opened) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            FailureView view = new FailureView(Fixes.none(), opened::add);
            view.show(report);
            return view;
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aPlaidPageIsALinkThatOpens() throws Exception {
        List<String> opened = new ArrayList<>();
        FailureView view = shown(reportLinking("https://plaid.com/docs/errors/item/#item_login_required"), opened);
        Hyperlink docs = (Hyperlink) view.lookup("#failureDocs");
        WaitForAsyncUtils.asyncFx(docs::fire).get(10, TimeUnit.SECONDS);
        assertThat(opened).containsExactly("https://plaid.com/docs/errors/item/#item_login_required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///home/user/.ssh/id_rsa", "\\\\attacker.example\\share\\page.html", "https://plaid.com.attacker.example/docs/"})
    void anythingElseIsTextThatCannotBeClicked(String url) throws Exception {
        List<String> opened = new ArrayList<>();
        FailureView view = shown(reportLinking(url), opened);
        assertThat(view.lookup("#failureDocs")).isNull();
        Node text = view.lookup("#failureDocsText");
        assertThat(((Label) text).getText()).contains(url, "not opened");
        assertThat(view.lookupAll(".hyperlink")).isEmpty();
        assertThat(opened).isEmpty();
    }
}
