package dev.contacts.server.contact;

/**
 * How a listing or a search is ordered and filtered: {@code sort}/{@code order}, {@code label} (null: any) and
 * {@code favorite} (null: either).
 */
record ListOptions(Sort sort, boolean descending, String label, Boolean favorite) {

    /** What a listing can be sorted by; names sort by the Unicode root collation. */
    enum Sort {
        ID, FIRST_NAME, LAST_NAME, CREATED_AT, UPDATED_AT
    }

    static final ListOptions DEFAULT = new ListOptions(Sort.ID, false, null, null);

    /**
     * Whether the label holds U+0000, which no stored label does (neither database stores it): nothing matches,
     * and the databases are not asked (PostgreSQL refuses it in a parameter: a 500 before).
     */
    boolean matchesNothing() {
        return label != null && label.indexOf('\0') >= 0;
    }
}
