package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the request history keeps of a reply too large to keep whole. */
class PlaidGatewayHistoryTest {

    @Test
    void largeRepliesKeepTheFirstEntriesOfEveryArrayAndSayHowManyWent() {
        ObjectNode reply = PlaidJson.mapper().createObjectNode().put("next_cursor", "abc").put("has_more", true);
        ArrayNode added = reply.putArray("added");
        for (int i = 0; i < 500; i++) {
            ObjectNode transaction = added.addObject().put("transaction_id", "t" + i);
            transaction.putArray("counterparties").add("a").add("b");
        }
        reply.putArray("removed").add("r1");

        JsonNode kept = PlaidGateway.abridged(reply, 650_000);

        assertThat(kept.path("next_cursor").asText()).isEqualTo("abc");
        assertThat(kept.path("has_more").asBoolean()).isTrue();
        JsonNode keptAdded = kept.path("added");
        assertThat(keptAdded).hasSize(PlaidGateway.HISTORY_ARRAY_ENTRIES + 1);
        assertThat(keptAdded.get(0).path("transaction_id").asText()).isEqualTo("t0");
        assertThat(keptAdded.get(0).path("counterparties")).hasSize(2);
        assertThat(keptAdded.get(PlaidGateway.HISTORY_ARRAY_ENTRIES).asText())
                .isEqualTo("\u2026 480 more not kept in the history (the reply was 634 KB)");
        assertThat(kept.path("removed")).hasSize(1);
        assertThat(reply.path("added")).as("the reply itself is left alone").hasSize(500);
    }
}
