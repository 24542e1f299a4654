package dev.contacts.server.contact.transfer;

import java.util.List;

/**
 * Outlook's CSV columns, named once for both directions: {@link CsvImport} reads a file by them and
 * {@link OutlookCsvExport} writes them. Each entry column comes with the label it stands for.
 */
final class OutlookColumns {

    /** A column and the label of the entries it holds ("Mobile Phone", "mobile"). */
    record Labelled(String column, String label) {
    }

    static final List<String> EMAILS = List.of("E-mail Address", "E-mail 2 Address", "E-mail 3 Address");
    /** In the order the import reads them (and the export fills them, the first free one of a label). */
    static final List<Labelled> PHONES = List.of(new Labelled("Mobile Phone", "mobile"),
            new Labelled("Primary Phone", "main"), new Labelled("Home Phone", "home"),
            new Labelled("Home Phone 2", "home"), new Labelled("Business Phone", "work"),
            new Labelled("Business Phone 2", "work"), new Labelled("Company Main Phone", "work"),
            new Labelled("Other Phone", "other"), new Labelled("Home Fax", "home fax"),
            new Labelled("Business Fax", "work fax"), new Labelled("Other Fax", "other fax"),
            new Labelled("Pager", "pager"), new Labelled("Car Phone", "car"));
    /** The address places: "Home Street", "Business City" ... ({@link #ADDRESS_PARTS}). */
    static final List<Labelled> PLACES = List.of(new Labelled("Home", "home"), new Labelled("Business", "work"),
            new Labelled("Other", "other"));
    static final String STREET = "Street";
    static final List<String> STREET_MORE = List.of("Street 2", "Street 3");
    static final String CITY = "City";
    static final String REGION = "State";
    static final String POSTAL_CODE = "Postal Code";
    static final String COUNTRY = "Country/Region";
    static final List<String> ADDRESS_PARTS = List.of(STREET, CITY, REGION, POSTAL_CODE, COUNTRY);
    /** Outlook's "Web Page" is the business one. */
    static final List<Labelled> WEB_PAGES = List.of(new Labelled("Web Page", "Work"),
            new Labelled("Personal Web Page", "Home"));

    static final String FIRST_NAME = "First Name";
    static final String MIDDLE_NAME = "Middle Name";
    static final String LAST_NAME = "Last Name";
    /** Outlook's "Title" is the name's prefix ("Dr."). */
    static final String TITLE = "Title";
    static final String SUFFIX = "Suffix";
    static final String NICKNAME = "Nickname";
    static final String COMPANY = "Company";
    static final String DEPARTMENT = "Department";
    static final String JOB_TITLE = "Job Title";
    static final String BIRTHDAY = "Birthday";
    static final String NOTES = "Notes";
    static final String CATEGORIES = "Categories";
    static final String CATEGORY_SEPARATOR = ";";
    /** Outlook.com's (the web's) export has it; Outlook's desktop one has none. */
    static final String IM_ADDRESS = "IMAddress";

    private OutlookColumns() {
    }

    /** A place's column of an address part: "Home Street", "Business Country/Region". */
    static String address(Labelled place, String part) {
        return place.column() + " " + part;
    }
}
