package dev.contacts.server.contact.transfer;

/**
 * One item of an import file, read: either a contact ({@code error} null) or why it cannot become one.
 *
 * @param item the item's 1-based position in the file
 * @param line the 1-based line of the file where the item begins
 */
public record ParsedItem(int item, int line, TransferItem contact, String error) {

    static ParsedItem ok(int item, int line, TransferItem contact) {
        return new ParsedItem(item, line, contact, null);
    }

    static ParsedItem failed(int item, int line, String error) {
        return new ParsedItem(item, line, null, error);
    }
}
