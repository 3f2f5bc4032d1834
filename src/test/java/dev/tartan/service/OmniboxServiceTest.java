package dev.tartan.service;

import dev.tartan.model.ConsoleDraft;
import dev.tartan.model.IdKind;
import dev.tartan.model.OmniboxDestination;
import dev.tartan.model.OmniboxMatch;
import dev.tartan.model.PaneTarget;
import dev.tartan.model.TokenEntry;
import dev.tartan.store.Vault;
import dev.tartan.store.VaultLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OmniboxServiceTest {

    private static final String ACCESS_TOKEN = "access-sandbox-8ab976e6-64bc-4b38-98f7-731e7a349970";
    private static final String ITEM_ID = "eVBnVMp7zdTJLkRNr33Rs6zr7KNJqBFL9DrE6";

    @TempDir
    Path home;
    Vault vault;
    OmniboxService omnibox;

    @BeforeEach
    void open() {
        vault = Vault.create(new VaultLocation(home), "omnibox test passphrase 2026".toCharArray());
        omnibox = new OmniboxService(new TokenBookService(vault, Runnable::run));
    }

    @AfterEach
    void close() {
        vault.close();
    }

    private OmniboxMatch lookUp(String text) {
        return omnibox.lookUp(text).join();
    }

    private static String where(OmniboxDestination destination) {
        return destination instanceof ConsoleDraft draft ? draft.path() + " " + draft.body()
                : ((PaneTarget) destination).kind() + " " + ((PaneTarget) destination).token();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "processor-sandbox-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d | PROCESSOR_TOKEN | PROCESSOR_TOKEN processor-sandbox-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            "public-sandbox-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d | PUBLIC_TOKEN | /item/public_token/exchange {\"public_token\":\"public-sandbox-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\"}",
            "link-sandbox-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d | LINK_TOKEN | /link/token/get {\"link_token\":\"link-sandbox-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\"}",
            "assets-sandbox-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d | ASSET_REPORT_TOKEN | ASSET_REPORT assets-sandbox-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            "relay-sandbox-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d | RELAY_TOKEN | /credit/relay/get {\"relay_token\":\"relay-sandbox-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\",\"report_type\":\"asset\"}",
            "460cbe92-2dcc-8eae-5ad6-b37d0ec90fd9 | UUID | TRANSFER 460cbe92-2dcc-8eae-5ad6-b37d0ec90fd9",
            "scr_52xR9LKo77r1Np | INDIVIDUAL_SCREENING_ID | SCREENING scr_52xR9LKo77r1Np",
            "scrn_52xR9LKo77r1Np | INDIVIDUAL_SCREENING_ID | SCREENING scrn_52xR9LKo77r1Np",
            "entscr_52xR9LKo77r1Np | ENTITY_SCREENING_ID | SCREENING entscr_52xR9LKo77r1Np",
            "entscrn_52xR9LKo77r1Np | ENTITY_SCREENING_ID | SCREENING entscrn_52xR9LKo77r1Np",
            "ins_109508 | INSTITUTION_ID | /institutions/get_by_id {\"institution_id\":\"ins_109508\",\"country_codes\":[\"US\"]}",
    })
    void eachKindOpensTheRightPlaceFirst(String pasted, IdKind kind, String first) {
        OmniboxMatch match = lookUp("  " + pasted + "\n");
        assertThat(match.kind()).isEqualTo(kind);
        assertThat(match.destinations()).isNotEmpty();
        assertThat(where(match.destinations().get(0))).isEqualTo(first);
        assertThat(match.note()).isNull();
    }

    @Test
    void anAccessTokenOpensItsItemAndAnItemIdOnlyThroughTheTokenBook() {
        assertThat(where(lookUp(ACCESS_TOKEN).destinations().get(0))).isEqualTo("ITEM " + ACCESS_TOKEN);
        assertThat(lookUp(ITEM_ID).destinations()).as("an item_id the token book does not know").isEmpty();

        vault.tokens().save(TokenEntry.of(ACCESS_TOKEN, "Local emulator", ITEM_ID));
        OmniboxMatch known = lookUp(ITEM_ID);
        assertThat(known.kind()).isEqualTo(IdKind.ITEM_OR_ACCOUNT_ID);
        assertThat(known.known()).extracting(TokenEntry::value).containsExactly(ACCESS_TOKEN);
        assertThat(known.destinations()).extracting(OmniboxServiceTest::where).first().isEqualTo("ITEM " + ACCESS_TOKEN);
    }

    @Test
    void anAssetReportTokenOpensInTheAssetsPaneAndItsIdThroughTheTokenBook() {
        String token = "assets-sandbox-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
        String reportId = "ebb8f490-8f45-4c93-a6c3-5801bf92c3ff";
        assertThat(lookUp(token).destinations()).extracting(OmniboxServiceTest::where)
                .containsExactly("ASSET_REPORT " + token, "/asset_report/get {\"asset_report_token\":\"" + token + "\"}",
                        "/asset_report/pdf/get {\"asset_report_token\":\"" + token + "\"}");
        assertThat(lookUp(reportId).destinations()).extracting(OmniboxServiceTest::where).noneMatch(where -> where.startsWith("ASSET_REPORT"));

        vault.tokens().save(TokenEntry.of(token, "Local emulator", reportId).withLabel("Alberta"));
        OmniboxMatch known = lookUp(reportId);
        assertThat(known.kind()).isEqualTo(IdKind.UUID);
        assertThat(known.destinations()).extracting(OmniboxServiceTest::where).first().isEqualTo("ASSET_REPORT " + token);
        assertThat(known.destinations().get(0).description()).contains("Alberta");
    }

    @Test
    void kindsThatNoCallLooksUpSayWhy() {
        for (String pasted : List.of("scrhit_52xR9LKo77r1Np", "payment-token-sandbox-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")) {
            OmniboxMatch match = lookUp(pasted);
            assertThat(match.kind()).isIn(IdKind.SCREENING_HIT_ID, IdKind.PAYMENT_TOKEN);
            assertThat(match.destinations()).isEmpty();
            assertThat(match.note()).isNotBlank();
        }
        assertThat(lookUp("hello world").kind()).isEqualTo(IdKind.UNKNOWN);
    }
}
