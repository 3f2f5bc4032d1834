package dev.tartan.ui.common.data;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/** How Plaid's values read in Tartan's tables. */
class FormatsTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void aMomentReadsAsTheUsersClockReadThen() {
        String expected = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault())
                .format(Instant.parse("2026-12-04T08:24:47Z"));
        assertThat(Formats.moment(JSON.textNode("2026-12-04T08:24:47Z"))).isEqualTo(expected);
        assertThat(Formats.moment(JSON.textNode("2026-12-04T09:24:47.123+01:00"))).isEqualTo(expected);
    }

    @Test
    void whatIsNotAMomentStaysAsItIs() {
        assertThat(Formats.moment(JSON.textNode("2026-12-04"))).isEqualTo("2026-12-04");
        assertThat(Formats.moment(MissingNode.getInstance())).isEqualTo("\u2014");
        assertThat(Formats.moment(JSON.nullNode())).isEqualTo("\u2014");
    }

    @Test
    void moneyHasItsCurrency() {
        assertThat(Formats.money(JSON.numberNode(1234.5), "USD")).isEqualTo("$1,234.50");
        assertThat(Formats.money(JSON.nullNode(), "USD")).isEqualTo("\u2014");
        assertThat(Formats.money(2.5, "DOGE")).isEqualTo("2.50 DOGE");
    }
}
