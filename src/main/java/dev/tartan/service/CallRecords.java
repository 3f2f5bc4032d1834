package dev.tartan.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidApiException;
import dev.tartan.api.PlaidJson;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.CallRecord;
import dev.tartan.model.PlaidError;
import dev.tartan.model.PlaidResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Turns the outcome of a call into the {@link CallRecord} a pane's "Raw JSON" tab lists. */
final class CallRecords {

    private CallRecords() {
    }

    /**
     * @param response the reply, or null when the call failed
     * @param failure  why it failed, or null
     */
    static CallRecord of(String path, Instant started, PlaidResponse response, Throwable failure, Clock clock) {
        if (response != null) {
            return new CallRecord(started, path, response.httpStatus(), response.requestId(), response.duration(),
                    response.isJson() ? response.text() : null);
        }
        Throwable error = Futures.unwrap(failure);
        Duration took = Duration.between(started, clock.instant());
        ObjectNode body = PlaidJson.mapper().createObjectNode();
        if (error instanceof PlaidApiException api) {
            PlaidError plaid = api.error();
            body.put("error_type", plaid.errorType());
            body.put("error_code", plaid.errorCode());
            body.put("error_message", plaid.errorMessage());
            body.put("display_message", plaid.displayMessage());
            body.put("request_id", plaid.requestId());
            return new CallRecord(started, path, plaid.httpStatus(), plaid.requestId(), took, body.toString());
        }
        body.put("failure", FailureDescriber.describe(error).summary());
        return new CallRecord(started, path, 0, null, took, body.toString());
    }
}
