package dev.tartan.model;

import java.util.Locale;
import java.util.Map;

/** The watchlists Monitor screens against, by the codes Plaid gives them. */
public final class WatchlistLists {

    private WatchlistLists() {
    }

    /** A list code as a reviewer reads it: "US_SDN \u00b7 OFAC Specially Designated Nationals". */
    public static String name(String code) {
        if (code == null) {
            return "an unnamed list";
        }
        String name = LIST_NAMES.get(code.toUpperCase(Locale.ROOT));
        return name == null ? code : code + " \u00b7 " + name;
    }

    private static final Map<String, String> LIST_NAMES = Map.ofEntries(
            Map.entry("US_SDN", "OFAC Specially Designated Nationals"),
            Map.entry("US_FSE", "OFAC Foreign Sanctions Evaders"),
            Map.entry("US_PLC", "OFAC Palestinian Legislative Council"),
            Map.entry("US_SSI", "OFAC Sectoral Sanctions Identifications"),
            Map.entry("US_MBS", "OFAC Non-SDN Menu-Based Sanctions"),
            Map.entry("US_CAP", "OFAC Correspondent Account or Payable-Through Account Sanctions"),
            Map.entry("US_CMC", "OFAC Non-SDN Chinese Military-Industrial Complex"),
            Map.entry("US_FBI", "FBI Wanted List"),
            Map.entry("US_ISN", "State Department Nonproliferation Sanctions"),
            Map.entry("US_DTC", "State Department AECA Debarred"),
            Map.entry("US_TEL", "State Department Terrorist Exclusion List"),
            Map.entry("US_SAM", "GSA Excluded Parties"),
            Map.entry("US_DPL", "BIS Denied Persons List"),
            Map.entry("US_UVL", "BIS Unverified List"),
            Map.entry("UK_HMC", "HM Treasury Consolidated List"),
            Map.entry("EU_CON", "EU Consolidated List"),
            Map.entry("AU_CON", "Australia DFAT Consolidated List"),
            Map.entry("CA_CON", "Canada Consolidated List of Sanctions"),
            Map.entry("IZ_IPL", "Interpol Red Notices"),
            Map.entry("IZ_WBK", "World Bank Ineligible Firms and Individuals"),
            Map.entry("IZ_UNC", "UN Consolidated Sanctions"),
            Map.entry("IZ_PEP", "Politically Exposed Persons"),
            Map.entry("IZ_SOE", "State Owned Enterprises"),
            Map.entry("IZ_CIA", "CIA Chiefs of State and Cabinet Members"),
            Map.entry("SG_SOF", "Singapore Terrorists and Terrorist Entities"),
            Map.entry("TR_TWL", "Turkey Terrorist Wanted List"),
            Map.entry("TR_DFD", "Turkey Domestic Freezing Decisions"),
            Map.entry("TR_FOR", "Turkey Foreign Freezing Requests"),
            Map.entry("TR_WMD", "Turkey Weapons of Mass Destruction"),
            Map.entry("TR_CMB", "Turkey Capital Markets Board"));
}
