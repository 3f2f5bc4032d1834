package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.wire.OperationRequest;

import java.util.List;
import java.util.function.Function;

/** What the Dashboard sets up, read through the API: {@code program/get|list} of both kinds and {@code /dashboard_user/get|list}. */
final class DirectoryOperations {
    private final Screenings screenings;

    DirectoryOperations(Screenings screenings) {
        this.screenings = screenings;
    }

    void register(Routes routes) {
        Directory directory = screenings.watchlist().directory();
        for (Kind kind : Kind.values()) {
            routes.read(kind.path("program/get"), request -> WatchlistViews.program(
                    screenings.program(kind, kind.programIdField, request.requiredText(kind.programIdField), false)));
            routes.read(kind.path("program/list"), request -> page(request, kind.programsField, directory.programs(kind),
                    WatchlistViews::program));
        }
        routes.read("/dashboard_user/get", request -> WatchlistViews.user(
                screenings.knownUser("dashboard_user_id", request.requiredText("dashboard_user_id"))));
        routes.read("/dashboard_user/list", request -> page(request, "dashboard_users", directory.users(), WatchlistViews::user));
    }

    private static <T> ObjectNode page(OperationRequest request, String field, List<T> items, Function<T, ObjectNode> view) {
        int start = Cursors.position(request, 0);
        ObjectNode body = Json.object();
        ArrayNode page = body.putArray(field);
        int i = start;
        for (; i < items.size() && page.size() < Cursors.PAGE; i++) {
            page.add(view.apply(items.get(i)));
        }
        body.put("next_cursor", i < items.size() ? Cursors.next(i) : null);
        return body;
    }
}
