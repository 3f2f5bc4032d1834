package dev.tartan.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * How one step of a scenario went.
 *
 * @param status    passed, passed with a note, failed, or skipped
 * @param summary   what happened, in a sentence
 * @param reply     what the step's call answered (null when it failed or did not run)
 * @param requestId the reply's request_id, or null
 * @param failure   why it failed, when the call itself failed; else null
 * @param missing   the expected webhooks that did not arrive in time
 */
public record StepResult(Status status, String summary, JsonNode reply, String requestId, FailureReport failure, List<String> missing) {

    public enum Status {
        /** The call succeeded, its checks held and its webhooks came. */
        PASSED,
        /** The call succeeded and its checks held, but an expected webhook did not come in time. */
        NOTED,
        /** The call failed, or a check did not hold: the run stops here. */
        FAILED,
        /** Not run: an earlier step failed, or it needs Tartan's webhook inbox and there is none. */
        SKIPPED
    }

    public StepResult {
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    public boolean succeeded() {
        return status == Status.PASSED || status == Status.NOTED;
    }
}
