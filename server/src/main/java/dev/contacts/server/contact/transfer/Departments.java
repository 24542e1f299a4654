package dev.contacts.server.contact.transfer;

import java.util.List;

import ezvcard.property.RawProperty;
import ezvcard.property.VCardProperty;

/**
 * A department (Google CSV's "Organization Department", Outlook's and Thunderbird's "Department", a vCard ORG's
 * units): no contact field holds it, so it stays joined into the organization, as the person reads it ("Volvo
 * Cars, Interior"), and is kept beside it, in one form whatever the file was, so that an export writes the two
 * apart again: a vCard's ORG with its unit, a CSV's department column. Before, the export wrote the joined text as
 * the organization and the department column came back empty.
 */
final class Departments {

    static final String COLUMN = "Organization Department";

    private Departments() {
    }

    /** The organization as the contact has it: the name and the department joined; null when both are blank. */
    static String joined(String name, String department) {
        return TextParts.joined(", ", name, department);
    }

    /** The kept department, when there is a name it was joined to (else the organization is the department). */
    static RawProperty kept(String name, String department) {
        return name == null || name.isBlank() ? null : NameAffixes.kept(COLUMN, List.of(department));
    }

    /**
     * The organization's name and its department, the kept department taken out of {@code extras}: apart when the
     * organization still ends with it (else the person has changed the organization, and the kept department is
     * no longer part of it: the organization is written whole, as it is).
     */
    static Parts split(String organization, List<VCardProperty> extras) {
        String department = NameAffixes.take(extras, COLUMN);
        String tail = department == null ? null : ", " + department;
        if (organization != null && tail != null && organization.endsWith(tail)
                && organization.length() > tail.length()) {
            return new Parts(organization.substring(0, organization.length() - tail.length()), department);
        }
        return new Parts(organization, null);
    }

    /** An organization's name and department (null: none). */
    record Parts(String name, String department) {
    }
}
