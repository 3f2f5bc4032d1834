package dev.tartan.ui.processor;

import dev.tartan.model.FailureReport;
import dev.tartan.model.FixAction;
import dev.tartan.service.FailureDescriber;

/**
 * Failures as a processor partner should read them. A processor partner cannot send the user
 * through Link, so a fix that needs the Item's access token becomes advice instead of a button.
 */
final class ProcessorFailures {

    private ProcessorFailures() {
    }

    static FailureReport describe(Throwable failure) {
        FailureReport report = FailureDescriber.describe(failure);
        return switch (report.fix()) {
            case CREATE_UPDATE_MODE_LINK_TOKEN -> withAdvice(report, "A processor partner cannot do this: ask the developer whose Item "
                    + "this is to send their user through Link in update mode. The processor token works again afterwards.");
            case EDIT_PROFILE -> withAdvice(report, "Check the profile (profile menu \u2192 Edit).");
            default -> report;
        };
    }

    private static FailureReport withAdvice(FailureReport report, String advice) {
        String nextStep = report.nextStep() == null ? advice : report.nextStep() + " " + advice;
        return new FailureReport(report.title(), report.operation(), report.errorType(), report.errorCode(), report.message(),
                report.displayMessage(), report.requestId(), report.httpStatus(), report.documentationUrl(), report.meaning(),
                nextStep, FixAction.NONE);
    }
}
