package dev.tartan.emulator.items;

import java.util.List;

/**
 * A fictional financial institution of the emulator's catalogue.
 *
 * @param health  HEALTHY, DEGRADED or DOWN: DOWN refuses new Items
 * @param retired true for an institution Plaid no longer supports: refuses new Items
 * @param style   how accounts there are numbered: US (ACH), CA (EFT) or EU (IBAN/BACS)
 */
public record Institution(String id, String name, List<String> countryCodes, List<String> products, boolean oauth,
                          String health, boolean retired, List<String> routingNumbers, String url, String primaryColor,
                          NumberingStyle style) {

    public enum NumberingStyle { US, CA, EU }

    public boolean supports(String product) {
        return products.contains(product);
    }
}
