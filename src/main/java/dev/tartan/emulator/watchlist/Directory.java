package dev.tartan.emulator.watchlist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the client has set up in Plaid's Dashboard, which the API only reads: the Monitor programs and the
 * team's Dashboard users. Fixed seed data; the first program of each kind and the first user carry the ids
 * of the spec's examples, so the console's example requests find them.
 */
final class Directory {
    static final String LEAD_REVIEWER = "54350110fedcbaf01234ffee";

    private static final List<String> INDIVIDUAL_SANCTIONS = List.of("AU_CON", "CA_CON", "EU_CON", "IZ_IPL", "IZ_UNC", "IZ_WBK",
            "UK_HMC", "US_DPL", "US_DTC", "US_FBI", "US_FSE", "US_ISN", "US_MBS", "US_PLC", "US_SAM", "US_SDN", "US_SSI", "SG_SOF",
            "TR_TWL", "TR_DFD", "TR_FOR", "TR_WMD", "TR_CMB");
    private static final List<String> INDIVIDUAL_ALL = concat(INDIVIDUAL_SANCTIONS, List.of("IZ_PEP", "IZ_CIA"));
    private static final List<String> ENTITY_SANCTIONS = List.of("AU_CON", "CA_CON", "EU_CON", "IZ_UNC", "IZ_WBK", "UK_HMC",
            "US_CAP", "US_CMC", "US_FSE", "US_MBS", "US_SAM", "US_SDN", "US_SSI", "US_TEL", "US_UVL");
    private static final List<String> ENTITY_ALL = concat(ENTITY_SANCTIONS, List.of("IZ_SOE"));

    private final List<Program> programs = List.of(
            program(Kind.INDIVIDUAL, "prg_2eRPsDnL66rZ7H", "Cardholders", "2024-01-15T14:03:00Z", true, INDIVIDUAL_SANCTIONS,
                    Sensitivity.BALANCED, false),
            program(Kind.INDIVIDUAL, "prg_7Hc2WqLm4Zx9Tb", "High-Risk Individuals", "2024-01-15T14:20:00Z", true, INDIVIDUAL_ALL,
                    Sensitivity.COARSE, false),
            program(Kind.INDIVIDUAL, "prg_Qk38sNvE1pYt6R", "Onboarding (no rescan)", "2024-02-01T09:30:00Z", false,
                    INDIVIDUAL_SANCTIONS, Sensitivity.BALANCED, false),
            program(Kind.INDIVIDUAL, "prg_bM5xR2aJ9dLw3F", "Wire Beneficiaries", "2024-03-11T16:45:00Z", true,
                    List.of("EU_CON", "IZ_UNC", "UK_HMC", "US_FSE", "US_SDN", "US_SSI"), Sensitivity.STRICT, false),
            program(Kind.INDIVIDUAL, "prg_X4nT8gVh6KcP2s", "Legacy Program (2021)", "2021-06-01T12:00:00Z", false, List.of("US_SDN"),
                    Sensitivity.BALANCED, true),
            program(Kind.ENTITY, "entprg_2eRPsDnL66rZ7H", "Business Customers", "2024-01-15T14:05:00Z", true, ENTITY_SANCTIONS,
                    Sensitivity.BALANCED, false),
            program(Kind.ENTITY, "entprg_9Lp3VdQw7Ks2Hn", "High-Risk Businesses", "2024-01-15T14:25:00Z", true, ENTITY_ALL,
                    Sensitivity.COARSE, false),
            program(Kind.ENTITY, "entprg_Tz6Nc1Rb8Mf4Gy", "Vendors (no rescan)", "2024-02-01T09:35:00Z", false, ENTITY_SANCTIONS,
                    Sensitivity.STRICT, false),
            program(Kind.ENTITY, "entprg_W2jK7sXq5Bv9Dm", "Legacy Entities (2021)", "2021-06-01T12:05:00Z", false, List.of("US_SDN"),
                    Sensitivity.BALANCED, true));

    private final List<DashboardUser> users = List.of(
            new DashboardUser(LEAD_REVIEWER, Instant.parse("2023-11-02T15:12:40Z"), "dana.whitfield@example.com", "active"),
            new DashboardUser("6a1f0c3e9b2d4a7f8c5e1b03", Instant.parse("2023-11-20T10:01:07Z"), "sam.okafor@example.com", "active"),
            new DashboardUser("7c2e1d4f0a9b8c3d2e1f0a4b", Instant.parse("2024-01-08T08:44:19Z"), "priya.natarajan@example.com", "active"),
            new DashboardUser("8d3f2e5a1b0c9d4e3f2a1b5c", Instant.parse("2024-05-30T13:27:55Z"), "lee.morgan@example.com", "invited"),
            new DashboardUser("9e4a3f6b2c1d0e5f4a3b2c6d", Instant.parse("2023-12-04T17:50:31Z"), "alex.dubois@example.com", DashboardUser.DEACTIVATED));

    private static Program program(Kind kind, String id, String name, String created, boolean rescanning, List<String> lists,
                                   Sensitivity sensitivity, boolean archived) {
        Instant at = Instant.parse(created);
        return new Program(kind, id, name, at, rescanning, lists, sensitivity, archived,
                new AuditTrail(AuditTrail.DASHBOARD, LEAD_REVIEWER, at));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    List<Program> programs(Kind kind) {
        return programs.stream().filter(p -> p.kind() == kind).toList();
    }

    Optional<Program> program(Kind kind, String id) {
        return programs.stream().filter(p -> p.kind() == kind && p.id().equals(id)).findFirst();
    }

    List<DashboardUser> users() {
        return users;
    }

    Optional<DashboardUser> user(String id) {
        return users.stream().filter(u -> u.id().equals(id)).findFirst();
    }
}
