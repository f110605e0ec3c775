package org.conferenceops.bench.simulation;

import java.util.List;

/**
 * ISO 3166-1 alpha-3 codes of the 193 UN member states, as registration-service ships them, with frequent
 * ministerial participants first so that small runs look like Seoul 2021, Accra 2023 and Berlin 2025.
 */
public final class MemberStates {

    /** The codes, frequent participants first. */
    public static final List<String> CODES = List.of(
            "KOR", "GHA", "DEU", "GBR", "USA", "FRA", "JPN", "NOR", "NLD", "BGD", "PAK", "RWA", "IND", "NPL", "ETH", "CAN",
            "URY", "IDN", "CHN", "EGY", "AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS",
            "BHR", "BRB", "BLR", "BEL", "BLZ", "BEN", "BTN", "BOL", "BIH", "BWA", "BRA", "BRN", "BGR", "BFA", "BDI", "CPV",
            "KHM", "CMR", "CAF", "TCD", "CHL", "COL", "COM", "COG", "CRI", "CIV", "HRV", "CUB", "CYP", "CZE", "PRK", "COD",
            "DNK", "DJI", "DMA", "DOM", "ECU", "SLV", "GNQ", "ERI", "EST", "SWZ", "FJI", "FIN", "GAB", "GMB", "GEO", "GRC",
            "GRD", "GTM", "GIN", "GNB", "GUY", "HTI", "HND", "HUN", "ISL", "IRN", "IRQ", "IRL", "ISR", "ITA", "JAM", "JOR",
            "KAZ", "KEN", "KIR", "KWT", "KGZ", "LAO", "LVA", "LBN", "LSO", "LBR", "LBY", "LIE", "LTU", "LUX", "MDG", "MWI",
            "MYS", "MDV", "MLI", "MLT", "MHL", "MRT", "MUS", "MEX", "FSM", "MCO", "MNG", "MNE", "MAR", "MOZ", "MMR", "NAM",
            "NRU", "NZL", "NIC", "NER", "NGA", "MKD", "OMN", "PLW", "PAN", "PNG", "PRY", "PER", "PHL", "POL", "PRT", "QAT",
            "MDA", "ROU", "RUS", "KNA", "LCA", "VCT", "WSM", "SMR", "STP", "SAU", "SEN", "SRB", "SYC", "SLE", "SGP", "SVK",
            "SVN", "SLB", "SOM", "ZAF", "SSD", "ESP", "LKA", "SDN", "SUR", "SWE", "CHE", "SYR", "TJK", "THA", "TLS", "TGO",
            "TON", "TTO", "TUN", "TUR", "TKM", "TUV", "UGA", "UKR", "ARE", "TZA", "UZB", "VUT", "VEN", "VNM", "YEM", "ZMB",
            "ZWE");

    private MemberStates() {
    }
}
