package dev.tartan.ui.transfers;

import dev.tartan.model.Profile;

/**
 * What the user is asked before the Transfers pane moves money or cancels something. The view
 * answers with dialogs (the Production guard, a confirmation); the view models ask just before
 * they send, whichever button started the action.
 */
public interface TransferChecks {

    /** Before a call of {@code path} moves money: true to go ahead (Production asks for the path to be typed). */
    boolean allowMoney(Profile profile, String path);

    /**
     * Before something is cancelled for good, in any environment: true to go ahead.
     *
     * @param action what happens, e.g. "Cancel the transfer"
     * @param target what it happens to, e.g. its id
     */
    boolean allowCancel(Profile profile, String action, String target);

    /** Until a view answers: money moves and cancels go ahead outside Production, and never in it. */
    TransferChecks OUTSIDE_PRODUCTION_ONLY = new TransferChecks() {
        @Override
        public boolean allowMoney(Profile profile, String path) {
            return profile != null && !profile.environment().isProduction();
        }

        @Override
        public boolean allowCancel(Profile profile, String action, String target) {
            return profile != null && !profile.environment().isProduction();
        }
    };
}
