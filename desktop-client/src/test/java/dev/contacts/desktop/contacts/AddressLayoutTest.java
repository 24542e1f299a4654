package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.contacts.model.PostalAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressLayoutTest {

    private static PostalAddress address(String street, String city, String region, String zip, String country) {
        return new PostalAddress("home", street, city, region, zip, country);
    }

    @Test
    void eachCountryInItsPostsOrder() {
        assertEquals("1 Infinite Loop\nCupertino, CA 95014\nUnited States", AddressLayout.format(
                address("1 Infinite Loop", "Cupertino", "CA", "95014", "United States"), "DE"));
        assertEquals("290 Bremner Blvd\nToronto ON M5V 3L9\nCanada", AddressLayout.format(
                address("290 Bremner Blvd", "Toronto", "ON", "M5V 3L9", "Canada"), "DE"));
        assertEquals("1 Macquarie St\nSydney NSW 2000\nAustralia", AddressLayout.format(
                address("1 Macquarie St", "Sydney", "NSW", "2000", "Australia"), "DE"));
        assertEquals("10 Downing Street\nLondon\nSW1A 2AA\nUK", AddressLayout.format(
                address("10 Downing Street", "London", null, "SW1A 2AA", "UK"), "DE"));
        assertEquals("Pariser Platz 1\n10117 Berlin\nGermany", AddressLayout.format(
                address("Pariser Platz 1", "Berlin", null, "10117", "Germany"), "US"));
        assertEquals("Via Roma 1\n00184 Roma\nRM\nItalia", AddressLayout.format(
                address("Via Roma 1", "Roma", "RM", "00184", "Italia"), "US"), "any other country: postal code first");
    }

    @Test
    void japanInItsOwnScriptRunsFromThePostcodeDownInLatinLikeTheUs() {
        assertEquals("〒100-0001\n東京都千代田区\n千代田1-1\n日本", AddressLayout.format(
                address("千代田1-1", "千代田区", "東京都", "100-0001", "日本"), "US"));
        assertEquals("1-1 Chiyoda\nChiyoda-ku, Tokyo 100-0001\nJapan", AddressLayout.format(
                address("1-1 Chiyoda", "Chiyoda-ku", "Tokyo", "100-0001", "Japan"), "US"));
    }

    @Test
    void missingPartsLeaveNoStrayCommaOrEmptyLine() {
        assertEquals("Cupertino 95014\nUSA", AddressLayout.format(address(null, "Cupertino", null, "95014", "USA"), "DE"));
        assertEquals("CA 95014", AddressLayout.format(address(" ", null, "CA", "95014", null), "US"));
        assertEquals("Kyiv", AddressLayout.format(address(null, "Kyiv", null, null, null), "US"));
        assertEquals("Japan", AddressLayout.format(address(null, null, null, null, "Japan"), "US"));
    }

    @Test
    void aCountryGivenByItsCodeIsNamedInTheReadersLanguageAndAnythingElseStaysAsTyped() {
        PostalAddress cupertino = address("1 Infinite Loop", "Cupertino", "CA", "95014", "US");
        assertEquals("1 Infinite Loop\nCupertino, CA 95014\nUnited States",
                AddressLayout.format(cupertino, "DE", java.util.Locale.ENGLISH));
        assertEquals("1 Infinite Loop\nCupertino, CA 95014\nVereinigte Staaten",
                AddressLayout.format(cupertino, "DE", java.util.Locale.GERMAN));
        assertEquals("10117 Berlin\nGermany", AddressLayout.format(
                address(null, "Berlin", null, "10117", " de "), "US", java.util.Locale.ENGLISH), "any case, spaces");
        assertEquals("UK", AddressLayout.countryName("UK", java.util.Locale.ENGLISH), "not an ISO code: as typed");
        assertEquals("USA", AddressLayout.countryName("USA", java.util.Locale.ENGLISH));
        assertEquals("Italia", AddressLayout.countryName("Italia", java.util.Locale.ENGLISH));
        assertEquals("ZZ", AddressLayout.countryName("ZZ", java.util.Locale.ENGLISH), "no such code: as typed");
    }

    @Test
    void anAddressWithoutACountryIsWrittenAsInTheUsersOwn() {
        PostalAddress noCountry = address("1 Infinite Loop", "Cupertino", "CA", "95014", null);
        assertEquals("1 Infinite Loop\nCupertino, CA 95014", AddressLayout.format(noCountry, "US"));
        assertEquals("1 Infinite Loop\n95014 Cupertino\nCA", AddressLayout.format(noCountry, "FR"));
        assertEquals("1 Infinite Loop\n95014 Cupertino\nCA", AddressLayout.format(noCountry, ""), "no country known");
        assertEquals("Main St 1\n1234 Town\nAtlantis", AddressLayout.format(
                address("Main St 1", "Town", null, "1234", "Atlantis"), "US"), "a country not known: not the user's own");
    }

    /** The form's fields for an address in {@code country} with nothing else typed yet, lines apart. */
    private static String form(String country, String homeCountry) {
        return form(address(null, null, null, null, country), homeCountry);
    }

    private static String form(PostalAddress typed, String homeCountry) {
        return String.join("\n", AddressLayout.form(typed, homeCountry).stream().map(line -> String.join(" ",
                line.stream().map(field -> field.part().name() + "=" + field.label()).toList())).toList());
    }

    @Test
    void theFormHasTheDetailsLinesUnderTheNamesOfTheCountry() {
        assertEquals("STREET=Street\nLOCALITY=City REGION=State POSTAL_CODE=ZIP code", form("U.S.A.", "DE"));
        assertEquals("STREET=Street\nLOCALITY=City REGION=Province POSTAL_CODE=Postal code", form("Canada", "DE"));
        assertEquals("STREET=Street\nLOCALITY=Suburb or town REGION=State POSTAL_CODE=Postcode", form("AU", "DE"));
        assertEquals("STREET=Street\nLOCALITY=Town or city\nREGION=County\nPOSTAL_CODE=Postcode", form("UK", "US"));
        assertEquals("POSTAL_CODE=Postal code\nREGION=Prefecture LOCALITY=City\nSTREET=Street", form("日本", "US"),
                "a country written in Japanese: Japan's own order, from the postcode down");
        assertEquals("STREET=Street\nPOSTAL_CODE=Postal code LOCALITY=City\nREGION=Region", form("Italia", "US"));
        assertEquals(form("US", "DE"), form("", "US"), "no country: the user's own order");
        assertEquals(form("Italia", "US"), form(" ", ""), "no country known at all: the continental order");
    }

    @Test
    void japanTypedInLatinScriptIsLaidOutStreetFirstAndInJapaneseScriptFromThePostcodeDown() {
        String latin = "STREET=Street\nLOCALITY=City REGION=Prefecture POSTAL_CODE=Postal code";
        String japanese = "POSTAL_CODE=Postal code\nREGION=Prefecture LOCALITY=City\nSTREET=Street";
        assertEquals(latin, form("Japan", "US"));
        assertEquals(latin, form(address("1-1 Chiyoda", null, null, "100-0001", "JP"), "JP"));
        assertEquals(japanese, form(address("千代田1-1", null, null, null, "Japan"), "US"), "a street in kanji");
        assertEquals(japanese, form(address(null, null, null, "100-0001", null), "JP"),
                "no letters yet, in Japan: its people's order");
        assertEquals(latin, form(address("1-1 Chiyoda", null, null, null, null), "JP"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "-", value = {
        "1-1 Chiyoda; Chiyoda-ku; Tokyo; 100-0001; Japan; US",
        "千代田1-1; 千代田区; 東京都; 100-0001; 日本; US",
        "千代田1-1; 千代田区; 東京都; 100-0001; Japan; DE",
        "千代田1-1; 千代田区; 東京都; 100-0001; -; JP",
        "1-1 Chiyoda; Chiyoda-ku; Tokyo; 100-0001; -; JP",
        "-; -; -; 100-0001; -; JP",
        "1 Infinite Loop; Cupertino; CA; 95014; USA; DE",
        "10 Downing Street; London; Greater London; SW1A 2AA; UK; US",
        "Via del Corso 1; Roma; RM; 00184; Italia; JP"})
    void theFormShowsTheFieldsInTheOrderTheDetailWritesThem(String street, String city, String region, String zip,
                                                             String country, String homeCountry) {
        PostalAddress typed = address(street, city, region, zip, country);
        String written = AddressLayout.format(typed, homeCountry);
        List<AddressLayout.Part> detail = Stream.of(AddressLayout.Part.values())
                .filter(part -> part.in(typed) != null)
                .sorted(Comparator.comparingInt(part -> written.indexOf(part.in(typed))))
                .toList();
        List<AddressLayout.Part> form = AddressLayout.form(typed, homeCountry).stream().flatMap(List::stream)
                .map(AddressLayout.Field::part).filter(part -> part.in(typed) != null).toList();
        assertEquals(detail, form, written);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "US; US", "us; US", "USA; US", "U.S.A.; US", "United States; US", "United States of America; US",
        "GB; GB", "UK; GB", "United Kingdom; GB", "Great Britain; GB", "England; GB",
        "CA; CA", "Canada; CA", "AU; AU", "AUS; AU", "Australia; AU", "JP; JP", "Japan; JP", "日本; JP",
        "JPN; JP", "Germany; ''", "Italia; ''", "Atlantis; ''"})
    void aCountryWithAnOrderOfItsOwnIsReadFromItsCodeOrTheNameImportsGive(String country, String code) {
        assertEquals(code, AddressLayout.countryCode(country));
    }
}
