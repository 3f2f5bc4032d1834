package dev.tartan.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionSourceTest {

    private static final String ACCESS = "access-sandbox-8ab976e6-64bc-4b38-98f7-731e7a349970";
    private static final String ROTATED = "access-sandbox-1c2d3e4f-0000-4b38-98f7-731e7a349970";
    private static final String PROCESSOR = "processor-sandbox-0asd1-a92nc";

    @Test
    void anItemIsFiledUnderItsItemIdSoARotatedTokenFindsItsTransactions() {
        assertThat(TransactionSource.item(ACCESS, "item-1").key()).isEqualTo("item:item-1")
                .isEqualTo(TransactionSource.item(ROTATED, " item-1 ").key());
    }

    @Test
    void withoutAnItemIdTheKeyIsAHashThatDoesNotRevealTheToken() {
        String key = TransactionSource.item(ACCESS, null).key();

        assertThat(key).startsWith("access:").hasSize("access:".length() + 64).doesNotContain("8ab976e6");
        assertThat(TransactionSource.item(ROTATED, "").key()).isNotEqualTo(key);
        assertThat(TransactionSource.processor(PROCESSOR).key()).startsWith("processor:").doesNotContain("0asd1");
    }

    @Test
    void tokenBookEntriesOfAccessAndProcessorTokensAreSources() {
        TransactionSource item = TransactionSource.of(TokenEntry.of(ACCESS, "Sandbox", "item-1"));
        TransactionSource processor = TransactionSource.of(TokenEntry.of(PROCESSOR, "Sandbox", null));

        assertThat(item).isEqualTo(new TransactionSource(TransactionSource.Kind.ITEM, ACCESS, "item-1"));
        assertThat(processor.kind()).isEqualTo(TransactionSource.Kind.PROCESSOR);
        assertThatThrownBy(() -> TransactionSource.of(TokenEntry.of("link-sandbox-af1a0311-da53-4636", "Sandbox", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Link tokens have no transactions");
    }

    @Test
    void theTokenIsRequiredAndNeverPrinted() {
        assertThatThrownBy(() -> TransactionSource.item(" ", "item-1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TransactionSource.item(ACCESS, "item-1").toString()).doesNotContain("8ab976e6-64bc").contains("item_id=item-1");
    }
}
