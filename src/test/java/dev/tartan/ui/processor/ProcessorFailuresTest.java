package dev.tartan.ui.processor;

import dev.tartan.api.PlaidApiException;
import dev.tartan.model.FailureReport;
import dev.tartan.model.FixAction;
import dev.tartan.model.PlaidError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorFailuresTest {

    @Test
    void aFixThatNeedsTheAccessTokenBecomesAdviceForTheProcessorPartner() {
        PlaidError error = new PlaidError("ITEM_ERROR", "ITEM_LOGIN_REQUIRED", null, "the login details have changed", null,
                "req-9", 400, 400, null, null, List.of());
        FailureReport report = ProcessorFailures.describe(new PlaidApiException("POST", "/processor/auth/get", error));
        assertThat(report.fix()).isEqualTo(FixAction.NONE);
        assertThat(report.nextStep()).contains("ask the developer whose Item this is");
        assertThat(report.errorCode()).isEqualTo("ITEM_LOGIN_REQUIRED");
        assertThat(report.requestId()).isEqualTo("req-9");
        assertThat(ProcessorFailures.describe(new IllegalArgumentException("bad")).fix()).isEqualTo(FixAction.NONE);
    }
}
