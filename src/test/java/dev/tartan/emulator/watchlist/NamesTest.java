package dev.tartan.emulator.watchlist;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name similarity behind hits, on the cases Plaid's "Watchlists and matching algorithms" page lists: each
 * pair scores within the range a sensitivity would call a match (coarse 70, balanced 80, strict 90, exact 100),
 * and unrelated names stay far below.
 */
class NamesTest {

    private static int individual(String searched, String listed) {
        return Names.score(Names.key(Kind.INDIVIDUAL, searched), Names.key(Kind.INDIVIDUAL, listed));
    }

    private static int entity(String searched, String listed) {
        return Names.score(Names.key(Kind.ENTITY, searched), Names.key(Kind.ENTITY, listed));
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}..{3}")
    @CsvSource(delimiter = '|', textBlock = """
            Joseph Kony                | Joseph Kony                  | 100 | 100
            JOSEPH KONY                | joseph kony                  | 100 | 100
            Mr. John Doe               | John Doe                     | 100 | 100
            Dr. Phillip Carr Ph.D.     | Phillip Carr                 | 100 | 100
            José Álvarez               | Jose Alvarez                 | 100 | 100
            Diaz, Carlos Alfonzo       | Carlos Alfonzo Diaz          |  95 |  99
            MaryEllen Castellano       | Mary Ellen Castellano        |  95 |  99
            Mary-Ellen Castellano      | Mary Ellen Castellano        | 100 | 100
            Abdul Rasheed              | Abd al-Rashid                |  90 |  99
            Bill Harrington            | William Harrington           |  95 |  99
            Jesus Alvarez              | Jesus Alvares                |  90 |  99
            Rasheed Mirza              | Rashid Mirza                 |  90 |  99
            Ermias Germay              | Ermias Ghermay               |  90 |  99
            Phillip Carr               | Phillip Charles Carr         |  80 |  80
            John Doe                   | John Paul Doe                |  80 |  80
            J. E. Smith                | James Earl Smith             |  80 |  89
            McD Farms                  | McDonald Farms               |  90 |  95
            Виктор Морозов             | Viktor Morozov               | 100 | 100
            Victor Morozov             | Viktor Morozov               |  90 |  99
            Νικόλαος Παπαδάκης         | Nikolaos Papadakis           | 100 | 100
            陈立伟                      | 陈立伟                        | 100 | 100
            Muhammad Khan              | Mohammed Khan                |  95 |  99
            Mohd Khan                  | Muhammad Khan                |  95 |  99
            Jianshu Zhou               | Zhou Jianshu                 |  95 |  99
            """)
    void namesThatPlaidMatches(String searched, String listed, int atLeast, int atMost) {
        assertThat(individual(searched, listed)).isBetween(atLeast, atMost);
        assertThat(individual(listed, searched)).as("the same both ways").isEqualTo(individual(searched, listed));
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Leslie Knope               | Joseph Kony
            Joseph Smith               | Joseph Kony
            Kony                       | Joseph Kony
            Mahmoud Khan               | Muhammad Khan
            Zhao Jianshu               | Zhou Jianshu
            Anna Schmidt               | Hans Schmidt
            John Doe                   | Jane Roe
            陈立伟                      | Chen Li Wei
            """)
    void namesThatItDoesNot(String searched, String listed) {
        assertThat(individual(searched, listed)).isLessThan(Sensitivity.BALANCED.minimumScore);
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}..{3}")
    @CsvSource(delimiter = '|', textBlock = """
            Eagle Pharmaceuticals, Inc.                | Eagle Drugs, Co.                            |  90 |  99
            Mobin Electronic Development Co            | Iran Mobin Electronic Development Company   |  80 |  89
            Iran Mobin Electronics Development Company | Iran Mobin Electronic Development Company    |  95 |  99
            Al Qaeda                                   | Al-Qaida                                    |  85 |  95
            Alqaida                                    | Al-Qaida                                    |  95 |  99
            Islamic Radio & TV Union                   | Islamic Radio And Television Union          |  95 |  99
            Minskiy Otryad Militsii Osobogo Naznacheniya | МИНСКИЙ ОТРЯД МИЛИЦИИ ОСОБОГО НАЗНАЧЕНИЯ  | 100 | 100
            Caspian Marine Services                    | Caspian Maritime Services LLC               |  95 |  99
            """)
    void entityNames(String searched, String listed, int atLeast, int atMost) {
        assertThat(entity(searched, listed)).isBetween(atLeast, atMost);
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Pawnee Parks Supply LLC        | Golden Crescent Trading Company LLC
            Eastern Star Bakery            | Eastern Star Pharmaceuticals Inc.
            Northern Lights Shipping       | Northern Star Shipping Ltd
            """)
    void entityNamesThatDoNotMatch(String searched, String listed) {
        assertThat(entity(searched, listed)).isLessThan(Sensitivity.BALANCED.minimumScore);
    }
}
